package com.shopfleet.shop.event.fcfs;

/** Where an event stands for its visitors. */
public enum EventStatus {

    /** Not open yet: entries are refused with {@code EVENT_NOT_OPEN}. */
    UPCOMING,

    /** Open, prizes left. */
    OPEN,

    /** Open, but every prize is taken: entries are refused with {@code SOLD_OUT}. */
    SOLD_OUT,

    /** Past its closing time or closed by staff: entries are refused with {@code EVENT_CLOSED}. */
    CLOSED
}
