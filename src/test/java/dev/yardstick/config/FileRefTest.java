package dev.yardstick.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRefTest {

    private static final Function<String, InputException> AT = problem -> InputException.inFile("suite.yaml", 3,
            "vars.x", problem);

    @TempDir
    Path dir;

    @Test
    void aReferenceIsRelativeToTheFolderOfTheFileThatWritesIt() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("suite"));
        Path referring = Files.writeString(sub.resolve("suite.yaml"), "x");
        Path named = Files.writeString(Files.createDirectories(sub.resolve("data")).resolve("a.txt"), "a");
        assertEquals(named, FileRef.file(FileRef.folderOf(referring), "file://data/a.txt", AT));
    }

    @Test
    void aMissingFileIsOneLocatedLine() {
        InputException e = assertThrows(InputException.class, () -> FileRef.file(dir, "file://none.txt", AT));
        assertEquals("suite.yaml:3: field 'vars.x': file not found: " + dir.resolve("none.txt"), e.getMessage());
        InputException folder = assertThrows(InputException.class, () -> FileRef.file(dir.getParent(),
                "file://" + dir.getFileName(), AT));
        assertTrue(folder.getMessage().endsWith("file not found: " + dir), "a folder is not a file: "
                + folder.getMessage());
    }

    @Test
    void aGlobNamesEveryMatchInNameOrderAndNoMatchIsAnError() throws Exception {
        Files.writeString(dir.resolve("b.csv"), "x");
        Files.writeString(dir.resolve("a.csv"), "x");
        Files.writeString(dir.resolve("c.txt"), "x");
        assertEquals(List.of(dir.resolve("a.csv"), dir.resolve("b.csv")), FileRef.files(dir, "file://*.csv", AT));
        assertEquals(List.of(dir.resolve("c.txt")), FileRef.files(dir, "file://c.txt", AT));
        InputException none = assertThrows(InputException.class, () -> FileRef.files(dir, "file://*.json", AT));
        assertEquals("suite.yaml:3: field 'vars.x': no file matches " + dir.resolve("*.json"), none.getMessage());
    }

    @Test
    void onlyATextStartingWithTheSchemeIsAReference() {
        assertTrue(FileRef.is("file://a.txt"));
        assertFalse(FileRef.is("see file://a.txt"));
        assertFalse(FileRef.is(3));
        assertEquals("s.py", FileRef.name("file://scripts/s.py"));
    }
}
