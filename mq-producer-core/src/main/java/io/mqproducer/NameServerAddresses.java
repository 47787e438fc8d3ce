package io.mqproducer;

import io.mqproducer.error.InvalidOptionsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads name server lists as users write them: {@code host:port} entries separated by {@code ;} (RocketMQ's own
 * form) or {@code ,}, IPv6 literals in brackets ({@code [::1]:9876}). Every mistake is an
 * {@link InvalidOptionsException} that says what is wrong with which entry, raised before anything is sent.
 */
final class NameServerAddresses {
    private static final String OPTION = "nameServers";
    private static final Pattern SEPARATOR = Pattern.compile("[;,]");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");

    private NameServerAddresses() {
    }

    /** The addresses of every list in {@code lists}, in order, as {@code host:port} or {@code [ipv6]:port}. */
    static List<String> parse(List<String> lists) {
        List<String> addresses = new ArrayList<>();
        for (String list : lists) {
            if (list == null) {
                throw new InvalidOptionsException(OPTION, "name server address must not be null");
            }
            for (String entry : SEPARATOR.split(list, -1)) {
                addresses.add(address(entry.trim(), list));
            }
        }
        if (addresses.isEmpty()) {
            throw new InvalidOptionsException(OPTION, "at least one name server address (host:port) is required");
        }
        return addresses;
    }

    private static String address(String entry, String list) {
        if (entry.isEmpty()) {
            throw invalid("name server list '" + list + "' has an empty entry; separate host:port addresses with "
                    + "';' or ','");
        }
        int colon = entry.lastIndexOf(':');
        if (entry.startsWith("[")) {
            return bracketed(entry);
        }
        if (colon >= 0 && entry.indexOf(':') != colon && IPV6.matcher(entry).matches()) {
            throw invalid("name server address '" + entry + "' looks like an IPv6 address: put it in brackets, "
                    + "followed by the port, e.g. [::1]:9876");
        }
        if (colon < 0 || colon == entry.length() - 1) {
            throw invalid("name server address '" + entry + "' is not host:port: the port is missing (e.g. "
                    + (colon < 0 ? entry : entry.substring(0, colon)) + ":9876)");
        }
        String host = entry.substring(0, colon);
        if (!HOST.matcher(host).matches()) {
            throw invalid("name server address '" + entry + "' is not host:port: '" + host + "' is not a host name "
                    + "or IPv4 address (no scheme, path or spaces)");
        }
        return host + ":" + port(entry, entry.substring(colon + 1));
    }

    private static String bracketed(String entry) {
        int close = entry.indexOf(']');
        if (close < 0 || !IPV6.matcher(entry.substring(1, close)).matches() || entry.indexOf(':', 1) > close + 1) {
            throw invalid("name server address '" + entry + "' is not [ipv6]:port (e.g. [::1]:9876)");
        }
        if (close + 1 >= entry.length() || entry.charAt(close + 1) != ':' || close + 2 == entry.length()) {
            throw invalid("name server address '" + entry + "' is not [ipv6]:port: the port is missing (e.g. "
                    + entry.substring(0, close + 1) + ":9876)");
        }
        return entry.substring(0, close + 1) + ":" + port(entry, entry.substring(close + 2));
    }

    private static int port(String entry, String text) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw invalid("name server address '" + entry + "' is not host:port: '" + text + "' is not a port "
                    + "(1-65535)");
        }
        return port;
    }

    private static InvalidOptionsException invalid(String message) {
        return new InvalidOptionsException(OPTION, message);
    }
}
