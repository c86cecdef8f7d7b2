package dev.yardstick.faults;

import dev.yardstick.testing.FaultServer;
import dev.yardstick.testing.WireBytes;

/** What a broken provider does with one request, given the answer a good one would have sent. */
@FunctionalInterface
interface Fault {

    void serve(FaultServer.Connection connection, WireBytes answer) throws Exception;
}
