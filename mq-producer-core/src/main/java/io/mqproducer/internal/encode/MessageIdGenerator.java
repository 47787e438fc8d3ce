package io.mqproducer.internal.encode;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client-side unique message ids ({@code UNIQ_KEY}) in the layout RocketMQ's tools can read:
 * 16 bytes as 32 upper-case hex digits = IPv4 address(4) + process id(2) + instance salt(4)
 * + milliseconds since the start of the month(4) + counter(2).
 */
final class MessageIdGenerator {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] prefix;
    private final AtomicInteger counter = new AtomicInteger(ThreadLocalRandom.current().nextInt());
    private volatile long monthStart;
    private volatile long nextMonthStart;

    MessageIdGenerator() {
        byte[] fixed = new byte[10];
        byte[] ip = localIpv4();
        System.arraycopy(ip, 0, fixed, 0, 4);
        long pid = ProcessHandle.current().pid();
        fixed[4] = (byte) (pid >>> 8);
        fixed[5] = (byte) pid;
        int salt = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            fixed[6 + i] = (byte) (salt >>> (24 - 8 * i));
        }
        this.prefix = new byte[20];
        for (int i = 0; i < fixed.length; i++) {
            prefix[2 * i] = HEX[(fixed[i] >>> 4) & 0xF];
            prefix[2 * i + 1] = HEX[fixed[i] & 0xF];
        }
        resetMonth(System.currentTimeMillis());
    }

    /** A new id; unique within this generator, and across processes with overwhelming probability. */
    String next() {
        long now = System.currentTimeMillis();
        if (now >= nextMonthStart) {
            resetMonth(now);
        }
        int elapsed = (int) (now - monthStart);
        int count = counter.getAndIncrement();
        byte[] id = new byte[32];
        System.arraycopy(prefix, 0, id, 0, 20);
        writeHex(id, 20, elapsed, 8);
        writeHex(id, 28, count, 4);
        return new String(id, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void writeHex(byte[] out, int offset, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = HEX[value & 0xF];
            value >>>= 4;
        }
    }

    private synchronized void resetMonth(long now) {
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        monthStart = start.toInstant().toEpochMilli();
        nextMonthStart = start.plusMonths(1).toInstant().toEpochMilli();
    }

    private static byte[] localIpv4() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isLoopback() || !nic.isUp()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.getAddress().length == 4) {
                        return address.getAddress();
                    }
                }
            }
            byte[] local = InetAddress.getLocalHost().getAddress();
            if (local.length == 4) {
                return local;
            }
        } catch (Exception e) {
            // fall through: a random address part still keeps ids unique per process
        }
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return random;
    }
}
