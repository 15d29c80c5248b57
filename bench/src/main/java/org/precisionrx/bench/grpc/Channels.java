package org.precisionrx.bench.grpc;

import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/** Plaintext HTTP/2 channels to the local services (gRPC shares each service's HTTP port). */
public final class Channels {

    private Channels() {
    }

    public static ManagedChannel plaintext(String host, int port) {
        return NettyChannelBuilder.forAddress(host, port).usePlaintext().maxInboundMessageSize(16 * 1024 * 1024).build();
    }

    public static void close(ManagedChannel channel) {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
