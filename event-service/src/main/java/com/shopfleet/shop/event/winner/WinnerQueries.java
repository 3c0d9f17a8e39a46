package com.shopfleet.shop.event.winner;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

/** Read access to stored winners for staff. */
@Service
public class WinnerQueries {

    private final Winners winners;

    WinnerQueries(Winners winners) {
        this.winners = winners;
    }

    public long count(long eventId) {
        return winners.count(eventId);
    }

    public List<Winner> page(long eventId, int page, int size) {
        return winners.page(eventId, page, size);
    }

    public void forEach(long eventId, Consumer<Winner> action) {
        winners.forEachWinner(eventId, action);
    }
}
