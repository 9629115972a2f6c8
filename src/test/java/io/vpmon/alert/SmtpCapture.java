package io.vpmon.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SMTP server on 127.0.0.1 that accepts every message and records it: enough of RFC
 * 5321 for Alertmanager's email notifier without TLS or auth (EHLO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT).
 */
public final class SmtpCapture implements AutoCloseable {
    /** One message: envelope sender and recipients, and the message text (headers and body). */
    public record Message(String from, List<String> to, String data) {
        /** A header's value, unfolded; null when absent. */
        public String header(String name) {
            String headers = data.split("\r?\n\r?\n", 2)[0].replaceAll("\r?\n[ \t]+", " ");
            for (String line : headers.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private final ServerSocket socket;
    private final List<Message> messages = new ArrayList<>();
    private final Thread acceptor;

    public SmtpCapture() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptLoop, "smtp-capture");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String smarthost() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    public List<Message> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (messages) {
            while (messages.size() < count && System.nanoTime() < deadline) {
                messages.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            return List.copyOf(messages);
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> session(client), "smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 smtp-capture ready");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-smtp-capture\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 smtp-capture");
                    case "MAIL" -> {
                        from = address(line);
                        to = new ArrayList<>();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        to.add(address(line));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder data = new StringBuilder();
                        String dataLine;
                        while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                            data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                        }
                        synchronized (messages) {
                            messages.add(new Message(from, List.copyOf(to), data.toString()));
                            messages.notifyAll();
                        }
                        reply(out, "250 OK queued");
                    }
                    case "RSET", "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String address(String command) {
        int start = command.indexOf('<');
        int end = command.indexOf('>', start + 1);
        return start >= 0 && end > start ? command.substring(start + 1, end) : command.substring(command.indexOf(':') + 1).strip();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
