package io.mqproducer.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ChildBroker}'s JVM needs to know to run its broker, passed as command-line arguments: the parent picks
 * ports and store directory so that a restarted child comes back on the same address with the same messages.
 *
 * @param nameServerAddress the name server to register with
 * @param clusterName the cluster the broker joins
 * @param brokerName the broker's name
 * @param ports the ports to bind
 * @param storeRoot the directory that holds the broker's files; it belongs to the parent
 * @param topics topics to create at start, each with its number of read and write queues
 */
record ChildBrokerSpec(String nameServerAddress, String clusterName, String brokerName, BrokerPorts ports,
        Path storeRoot, Map<String, Integer> topics) {

    /** Name server, cluster, broker, listen port, HA port, store directory; topics follow as {@code name:queues}. */
    private static final int FIXED_ARGUMENTS = 6;

    ChildBrokerSpec {
        topics = Map.copyOf(topics);
    }

    String brokerAddress() {
        return BrokerSetup.HOST + ":" + ports.listen();
    }

    ChildBrokerSpec withPorts(BrokerPorts otherPorts) {
        return new ChildBrokerSpec(nameServerAddress, clusterName, brokerName, otherPorts, storeRoot, topics);
    }

    /** The broker's configuration in the child: like an {@link EmbeddedRocketMQ}'s, in the directory given here. */
    BrokerSetup setup() {
        return new BrokerSetup(clusterName, brokerName, true, nameServerAddress, ports, StoreDirectory.of(storeRoot),
                BrokerSecurity.NONE, false, 0, false);
    }

    List<String> toArguments() {
        List<String> arguments = new ArrayList<>(List.of(nameServerAddress, clusterName, brokerName,
                Integer.toString(ports.listen()), Integer.toString(ports.ha()), storeRoot.toString()));
        // Topic names cannot contain ':' (RocketMQ allows letters, digits, '%', '|', '_' and '-').
        topics.forEach((topic, queues) -> arguments.add(topic + ":" + queues));
        return arguments;
    }

    static ChildBrokerSpec fromArguments(String[] arguments) {
        if (arguments.length < FIXED_ARGUMENTS) {
            throw new IllegalArgumentException("expected name server, cluster, broker, listen port, HA port, store "
                    + "directory and topics as name:queues, but got " + List.of(arguments));
        }
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (int i = FIXED_ARGUMENTS; i < arguments.length; i++) {
            int colon = arguments[i].lastIndexOf(':');
            topics.put(arguments[i].substring(0, colon), Integer.parseInt(arguments[i].substring(colon + 1)));
        }
        BrokerPorts ports = new BrokerPorts(Integer.parseInt(arguments[3]), Integer.parseInt(arguments[4]));
        return new ChildBrokerSpec(arguments[0], arguments[1], arguments[2], ports, Path.of(arguments[5]), topics);
    }
}
