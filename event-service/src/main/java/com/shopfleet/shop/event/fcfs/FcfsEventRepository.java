package com.shopfleet.shop.event.fcfs;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FcfsEventRepository extends JpaRepository<FcfsEvent, Long> {

    /** Open and upcoming events, soonest first. */
    @Query("""
            select e from FcfsEvent e
            where e.closedAt is null and e.closesAt > :now
            order by e.opensAt, e.id""")
    Page<FcfsEvent> findOpenOrUpcoming(Instant now, Pageable pageable);

    /**
     * The events that belong in Redis: opening before {@code horizon} and not ended before
     * {@code endedSince}.
     */
    @Query("""
            select e from FcfsEvent e
            where e.opensAt <= :horizon and e.closesAt > :endedSince
              and (e.closedAt is null or e.closedAt > :endedSince)""")
    List<FcfsEvent> findLive(Instant horizon, Instant endedSince);

    Page<FcfsEvent> findAllByOrderByIdDesc(Pageable pageable);
}
