package com.shopfleet.shop.event.admission;

/**
 * What the admission script decided for one entry.
 *
 * @param rank the winner's place (1-based) for {@link Result#WON} and {@link Result#ALREADY_ENTERED}, else 0
 */
public record EntryOutcome(Result result, int rank) {

    public enum Result {
        WON, ALREADY_ENTERED, SOLD_OUT, NOT_OPEN, CLOSED, NOT_LOADED
    }

    static EntryOutcome fromScript(long code, long rank) {
        Result result = switch ((int) code) {
            case 1 -> Result.WON;
            case -1 -> Result.ALREADY_ENTERED;
            case 0 -> Result.SOLD_OUT;
            case -2 -> Result.NOT_OPEN;
            case -3 -> Result.CLOSED;
            case -9 -> Result.NOT_LOADED;
            default -> throw new IllegalStateException("Unexpected admission script result " + code);
        };
        return new EntryOutcome(result, (int) rank);
    }
}
