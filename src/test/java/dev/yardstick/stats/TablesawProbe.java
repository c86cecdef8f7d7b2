package dev.yardstick.stats;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Run in a fresh JVM by {@link TablesawTest}: initialises tablesaw's {@code Table} as Yardstick does ({@code ready})
 * or as tablesaw alone would ({@code plain}), then prints what the class-path scan registered, whether
 * {@code java.class.path} is what it was, and a table's mean, so a table still works.
 */
public final class TablesawProbe {

    private TablesawProbe() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        String classPath = System.getProperty("java.class.path");
        if (args[0].equals("ready")) {
            Tablesaw.ready();
            Tablesaw.ready();
        } else {
            Class.forName("tech.tablesaw.api.Table");
        }
        System.out.println("csv-reader " + Table.defaultReaderRegistry.getReaderForExtension("csv").isPresent());
        System.out.println("class-path-kept " + classPath.equals(System.getProperty("java.class.path")));
        Table table = Table.create("t", DoubleColumn.create("x", 1, 2, 6));
        System.out.println("mean " + table.doubleColumn("x").mean());
    }
}
