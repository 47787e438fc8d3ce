package io.mqproducer.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every scenario for both clients, each run on a fresh client, for the configured number of rounds, alternating
 * which client goes first; reports progress and thread attribution on stderr.
 */
final class BenchmarkRunner {
    private final BenchmarkOptions options;
    private final ClientSettings settings;
    private final Set<ClientKind> threadsShown = EnumSet.noneOf(ClientKind.class);

    BenchmarkRunner(BenchmarkOptions options, ClientSettings settings) {
        this.options = options;
        this.settings = settings;
    }

    /** The scenarios the options ask for, in run order. */
    List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        if (options.scenarios().contains("sync")) {
            for (int threads : options.threads()) {
                scenarios.add(new SyncScenario(threads, options.warmUp(), options.measured()));
            }
        }
        if (options.scenarios().contains("async")) {
            scenarios.add(new AsyncScenario(options.asyncWindow(), options.warmUp(), options.measured(),
                    options.sendTimeout()));
        }
        return scenarios;
    }

    /** Runs everything and returns, per scenario and client, all its rounds. */
    List<ClientRuns> run() throws InterruptedException {
        warmUpJvm();
        List<ClientRuns> results = new ArrayList<>();
        List<Scenario> scenarios = scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            Map<ClientKind, List<RunResult>> rounds = new EnumMap<>(ClientKind.class);
            for (int round = 0; round < options.rounds(); round++) {
                // Alternate the order so that neither client always runs on a colder or more fragmented JVM, or
                // always right after the other's threads and garbage.
                List<ClientKind> order = (i + round) % 2 == 0 ? List.of(ClientKind.OURS, ClientKind.OFFICIAL)
                        : List.of(ClientKind.OFFICIAL, ClientKind.OURS);
                for (ClientKind kind : order.stream().filter(options.clients()::contains).toList()) {
                    rounds.computeIfAbsent(kind, k -> new ArrayList<>()).add(runOne(scenarios.get(i), kind));
                }
            }
            rounds.values().forEach(list -> results.add(new ClientRuns(list)));
        }
        return results;
    }

    /** Gets both clients' code paths compiled before anything is measured: a throw-away 4-thread sync run each. */
    private void warmUpJvm() throws InterruptedException {
        Scenario warmUp = new SyncScenario(4, options.warmUp(), options.warmUp());
        for (ClientKind kind : options.clients()) {
            System.err.println("JVM warm-up / " + kind.label());
            try (BenchmarkClient client = kind.start(settings)) {
                warmUp.run(client, (id, name) -> client.ownsThread(name));
            }
        }
    }

    private RunResult runOne(Scenario scenario, ClientKind kind) throws InterruptedException {
        System.err.println(scenario.name() + " / " + kind.label());
        // Threads alive before this client starts are not its own: earlier clients' threads may still be winding down.
        ThreadUsage beforeStart = ThreadUsage.capture();
        BenchmarkClient client = kind.start(settings);
        RunResult result;
        try {
            result = scenario.run(client, (id, name) -> !beforeStart.contains(id) && client.ownsThread(name));
            showThreads(client, kind, beforeStart);
            System.err.printf(Locale.ROOT, "  %,.0f msgs/s, p99 %.3f ms, %.1f CPU µs/msg, %,.0f B/msg%n",
                    result.messagesPerSecond(), result.latencyMillis(0.99), result.cpuMicrosPerMessage(),
                    result.allocatedBytesPerMessage());
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
        if (options.topicCount() > 1) {
            // What the client keeps for its topics (routes and per-topic state), as heap freed by closing it.
            long withClient = ProducerFootprint.snapshot()[1];
            client.close();
            long without = ProducerFootprint.snapshot()[1];
            System.err.printf(Locale.ROOT, "  heap retained by the client with %d topics: %,d KiB%n",
                    options.topicCount(), (withClient - without) / 1024);
        } else {
            client.close();
        }
        return result;
    }

    /**
     * Lists once per client which thread names it was charged for, and on every run the threads born since the client
     * started that no rule claims: a thread listed there is missing from the client's rule.
     */
    private void showThreads(BenchmarkClient client, ClientKind kind, ThreadUsage beforeStart) {
        ThreadUsage now = ThreadUsage.capture();
        if (threadsShown.add(kind)) {
            System.err.println("  threads charged to " + kind.label() + ": "
                    + patterns(now.names(client::ownsThread)) + " + " + SenderThreads.NAME_PREFIX + "*");
        }
        List<String> unclaimed = now.newThreadsSince(beforeStart,
                (id, name) -> client.ownsThread(name) || name.startsWith(SenderThreads.NAME_PREFIX));
        if (!unclaimed.isEmpty()) {
            System.err.println("  new threads charged to no one: " + patterns(unclaimed));
        }
    }

    /** Thread names with their numbers folded, e.g. {@code NettyClientWorkerThread_#}. */
    static List<String> patterns(List<String> names) {
        return names.stream().map(name -> name.replaceAll("\\d+", "#")).distinct().sorted().toList();
    }
}
