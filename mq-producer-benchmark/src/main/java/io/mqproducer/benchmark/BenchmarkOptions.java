package io.mqproducer.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line settings of one benchmark run; both clients get exactly these.
 *
 * @param measured     bounds of each measured phase (messages and time, whichever ends first)
 * @param rounds       how often each client runs each scenario; the median-throughput round is reported
 * @param warmUp       bounds of each discarded warm-up phase
 * @param threads      sender thread counts of the sync scenarios
 * @param bodySize     body bytes per message
 * @param scenarios    which scenario families run: {@code sync}, {@code async}
 * @param clients      which clients run (both for a comparison; one alone for profiling)
 * @param asyncWindow  async sends allowed outstanding at once
 * @param topic        topic sent to
 * @param queues       queues the topic is created with (own broker only)
 * @param sendTimeout  whole budget of one send, retries included
 * @param retries      retries after a failed attempt
 * @param binaryHeaders whether our producer uses binary headers (the official client always uses its default, JSON)
 * @param nameServer   an existing name server, or null to start a broker in a child JVM
 * @param output       where the Markdown results are written
 * @param jsonBody     whether bodies are compressible JSON (else random bytes)
 * @param compression  the codec both clients compress bodies above 4 KiB with
 * @param traced       whether messages carry a tag, two keys and three user properties (else the bare body)
 * @param topicCount   topics sent to round-robin ({@code topic-0} ...), 1 for {@code topic} alone
 * @param footprint    producers per client for the footprint measurement instead of the scenarios, 0 for none
 */
public record BenchmarkOptions(PhaseLimit measured, int rounds, PhaseLimit warmUp, List<Integer> threads, int bodySize,
                               List<String> scenarios, List<ClientKind> clients, int asyncWindow, String topic, int queues,
                               Duration sendTimeout, int retries, boolean binaryHeaders, int batchLingerMicros,
                               boolean adaptiveBatching, String nameServer, Path output, boolean jsonBody,
                               io.mqproducer.CompressionType compression, boolean traced, int topicCount,
                               int footprint) {

    /** What {@code --help} prints. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Options (defaults in brackets):",
            "  --messages N           measured messages per run [100000]",
            "  --seconds S            measured time limit per run [15]",
            "  --rounds N             runs per scenario and client; the median one is reported [3]",
            "  --warmup-messages N    discarded warm-up messages per run [5000]",
            "  --warmup-seconds S     warm-up time limit per run [5]",
            "  --threads 1,4,16       sender threads of the sync scenarios [1,4,16]",
            "  --body-size BYTES      body size [1024]",
            "  --body random|json     random bytes, or compressible JSON (e.g. with --body-size 16384) [random]",
            "  --compression zlib|lz4|zstd codec of both clients for bodies over 4 KiB [zlib]",
            "  --scenarios sync,async scenario families [sync,async]",
            "  --clients ours,official which clients run; one alone is for profiling [ours,official]",
            "  --window N             async sends outstanding at once [1000]",
            "  --topic NAME           topic [BenchmarkTopic]",
            "  --queues N             queues of the topic on the child broker [8]",
            "  --headers binary|json  our producer's header format [binary]",
            "  --batch-linger-us N    our producer's automatic async batching linger in µs, 0 = off [0]",
            "  --no-adaptive-batching our producer sends every message as its own request [adaptive batching on,",
            "                         the producer's default]",
"  --message bare|traced  bare body, or with a tag, two keys and three user properties [bare]",
            "  --topics N             send round-robin over N topics (created on the child broker) [1]",
            "  --footprint N          instead of the scenarios: threads and heap per additional producer, N",
            "                         producers per client (ours with own threads, ours shared, official)",
            "  --name-server H:P      use this name server instead of starting a broker child JVM",
            "  --output FILE          Markdown results file [target/benchmark-results.md]",
            "  --quick                tiny run for a smoke check (explicit options still win)",
            "  --help                 this text");

    /** Parses {@code --name value} pairs; throws {@link IllegalArgumentException} with a readable message. */
    public static BenchmarkOptions parse(String... args) {
        Map<String, String> given = pairs(args);
        boolean quick = given.containsKey("quick");
        return new BenchmarkOptions(
                new PhaseLimit(positiveInt(given, "messages", quick ? 500 : 100_000),
                        Duration.ofSeconds(positiveInt(given, "seconds", quick ? 3 : 15))),
                positiveInt(given, "rounds", quick ? 1 : 3),
                new PhaseLimit(positiveInt(given, "warmup-messages", quick ? 200 : 5_000),
                        Duration.ofSeconds(positiveInt(given, "warmup-seconds", quick ? 2 : 5))),
                intList(given.getOrDefault("threads", quick ? "1,16" : "1,4,16")),
                positiveInt(given, "body-size", 1024),
                scenarios(given.getOrDefault("scenarios", "sync,async")),
                clients(given.getOrDefault("clients", "ours,official")),
                positiveInt(given, "window", 1000),
                given.getOrDefault("topic", "BenchmarkTopic"),
                positiveInt(given, "queues", 8),
                Duration.ofSeconds(3),
                2,
                headers(given.getOrDefault("headers", "binary")),
                given.containsKey("batch-linger-us") ? Integer.parseInt(given.get("batch-linger-us")) : 0,
                !given.containsKey("no-adaptive-batching"),
                given.get("name-server"),
                Path.of(given.getOrDefault("output", "target/benchmark-results.md")),
                jsonBody(given.getOrDefault("body", "random")),
                compression(given.getOrDefault("compression", "zlib")),
                traced(given.getOrDefault("message", "bare")),
                positiveInt(given, "topics", 1),
                given.containsKey("footprint") ? positiveInt(given, "footprint", 1) : 0);
    }

    private static boolean traced(String value) {
        return switch (value) {
            case "bare" -> false;
            case "traced" -> true;
            default -> throw new IllegalArgumentException("--message must be bare or traced, was " + value);
        };
    }

    private static boolean jsonBody(String value) {
        return switch (value) {
            case "random" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("--body must be random or json, was " + value);
        };
    }

    private static io.mqproducer.CompressionType compression(String value) {
        try {
            return io.mqproducer.CompressionType.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--compression must be zlib, lz4 or zstd, was " + value);
        }
    }

    /** Whether {@code --help} was asked for. */
    public static boolean wantsHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    private static Map<String, String> pairs(String... args) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].trim();
            if (arg.isEmpty()) {
                continue; // an empty -Dbenchmark.args leaves an empty word behind
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            if (name.equals("quick") || name.equals("no-adaptive-batching")) {
                pairs.put(name, "true");
            } else if (i + 1 < args.length) {
                pairs.put(name, args[++i].trim());
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return pairs;
    }

    private static int positiveInt(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a positive integer, was '" + value + "'");
    }

    private static List<Integer> intList(String value) {
        List<Integer> values = new ArrayList<>();
        for (String part : value.split(",")) {
            values.add(positiveInt(Map.of("threads", part.trim()), "threads", 1));
        }
        return List.copyOf(values);
    }

    private static List<String> scenarios(String value) {
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.trim();
            if (!name.equals("sync") && !name.equals("async")) {
                throw new IllegalArgumentException("--scenarios takes sync and/or async, was '" + value + "'");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static List<ClientKind> clients(String value) {
        List<ClientKind> kinds = new ArrayList<>();
        for (String part : value.split(",")) {
            kinds.add(switch (part.trim()) {
                case "ours" -> ClientKind.OURS;
                case "official" -> ClientKind.OFFICIAL;
                default -> throw new IllegalArgumentException("--clients takes ours and/or official, was '" + value
                        + "'");
            });
        }
        return List.copyOf(kinds);
    }

    private static boolean headers(String value) {
        return switch (value) {
            case "binary" -> true;
            case "json" -> false;
            default -> throw new IllegalArgumentException("--headers takes binary or json, was '" + value + "'");
        };
    }
}
