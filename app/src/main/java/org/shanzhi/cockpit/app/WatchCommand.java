package org.shanzhi.cockpit.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.shanzhi.cockpit.json.Json;

/** Prints a hub's event stream, one frame per line: a quick way to see what a hub is saying. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Print the events of a hub's WebSocket stream, one JSON frame per line.")
final class WatchCommand implements Callable<Integer> {

    @Option(names = "--hub", defaultValue = "http://127.0.0.1:8717", description = "Hub URL (default: ${DEFAULT-VALUE}).")
    String hub;

    @Option(names = "--token", description = "A token of a reading role; default: the viewer token of --tokens.")
    String token;

    @Option(names = "--tokens", defaultValue = "${user.home}/.shanzhi-cockpit/tokens.json",
            description = "Tokens file to take the viewer token from (default: ${DEFAULT-VALUE}).")
    Path tokens;

    @Option(names = "--since", description = "Start after this seq (0: everything); default: only new events.")
    Long since;

    @Option(names = "--type", description = "Only frames of this event type, e.g. ComplaintReceived.")
    String type;

    @Override
    public Integer call() throws Exception {
        String t = token != null ? token : Json.MAPPER.readTree(Files.readString(tokens)).path("viewer").asText(null);
        if (t == null) {
            System.err.println("no token: pass --token or --tokens with a \"viewer\" entry");
            return 2;
        }
        String url = hub.replaceFirst("^http", "ws") + "/api/v1/stream" + (since == null ? "" : "?since=" + since);
        CountDownLatch closed = new CountDownLatch(1);
        int[] code = {0};
        // pings keep a quiet stream open past the hub's idle timeout
        OkHttpClient http = new OkHttpClient.Builder().pingInterval(Duration.ofSeconds(30)).build();
        http.newWebSocket(new Request.Builder().url(url).header("Authorization", "Bearer " + t).build(),
                new WebSocketListener() {
                    @Override
                    public void onMessage(WebSocket ws, String text) {
                        if (type != null) {
                            try {
                                JsonNode frame = Json.MAPPER.readTree(text);
                                if (!type.equals(frame.path("type").asText())) {
                                    return;
                                }
                            } catch (IOException e) {
                                return;
                            }
                        }
                        System.out.println(text);
                    }

                    @Override
                    public void onClosing(WebSocket ws, int status, String reason) {
                        System.err.println("stream closed: " + status + " " + reason);
                        code[0] = status == 1000 ? 0 : 1;
                        closed.countDown();
                    }

                    @Override
                    public void onFailure(WebSocket ws, Throwable e, Response response) {
                        System.err.println("stream failed: " + (response != null ? response.code() + " " : "") + e);
                        code[0] = 1;
                        closed.countDown();
                    }
                });
        closed.await();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        return code[0];
    }
}
