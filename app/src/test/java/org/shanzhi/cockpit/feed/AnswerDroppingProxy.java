package org.shanzhi.cockpit.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP relay between a client and a hub on loopback that can lose the hub's answers: while {@link #dropAnswers}
 * is set, a request still reaches the hub, but the bytes of its answer are read and thrown away and the client's
 * connection is cut, as when a hub dies or the network fails between the write and the acknowledgement.
 */
final class AnswerDroppingProxy implements AutoCloseable {

    private final ServerSocket server;
    private volatile int upstreamPort;
    volatile boolean dropAnswers;
    /** Counted down at the first answer thrown away. */
    final CountDownLatch answerDropped = new CountDownLatch(1);

    AnswerDroppingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Relays new connections to a hub restarted on another port. */
    void upstream(int port) {
        upstreamPort = port;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket hub;
                try {
                    hub = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                } catch (IOException refused) {
                    client.close(); // no hub: the client sees its connection cut
                    continue;
                }
                copy(client.getInputStream(), hub.getOutputStream(), client, hub, false);
                copy(hub.getInputStream(), client.getOutputStream(), client, hub, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void copy(InputStream in, OutputStream out, Socket client, Socket hub, boolean answers) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (client; hub) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (answers && dropAnswers) {
                        answerDropped.countDown();
                        return; // the answer is lost: both sockets close
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: the other is closed with it
            }
        }, "proxy-copy");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
