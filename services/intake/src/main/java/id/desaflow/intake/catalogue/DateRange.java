package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which dates make sense for a date field: a death cannot be tomorrow, a public event cannot be yesterday. */
public enum DateRange {
    @JsonProperty("not-future") NOT_FUTURE,
    @JsonProperty("not-past") NOT_PAST
}
