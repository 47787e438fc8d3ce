package io.mqproducer.internal.deliver;

import io.mqproducer.internal.route.TopicPublishInfo;
import io.mqproducer.internal.route.TopicRouteCache;
import java.util.concurrent.CompletableFuture;

/** What delivery needs of the routes: a topic's publish table, and a refresh when a broker says it is stale. */
public interface RouteSource {

    CompletableFuture<TopicPublishInfo> publishInfo(String wireTopic);

    CompletableFuture<Void> refresh(String wireTopic);

    /** The producer's route cache. */
    static RouteSource of(TopicRouteCache routes) {
        return new RouteSource() {
            @Override
            public CompletableFuture<TopicPublishInfo> publishInfo(String wireTopic) {
                return routes.publishInfo(wireTopic);
            }

            @Override
            public CompletableFuture<Void> refresh(String wireTopic) {
                return routes.refresh(wireTopic);
            }
        };
    }
}
