import { describe, expect, it } from "vitest";
import { err, ok } from "./helpers.js";

describe("date/time functions", () => {
  it.each([
    ['formatdate("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z")', "02 Jan 2018 23:12 UTC"],
    ['formatdate("EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z")', "Tuesday, 02-Jan-18 23:12:01 UTC"],
    ['formatdate("EEE, MMMM D, YYYY \'at\' h:mm aa ZZZZZ", "2018-01-02T23:12:01-08:00")', "Tue, January 2, 2018 at 23:12 pm -08:00"],
    ['formatdate("HH:mm AA Z ZZZZ", "2018-01-02T00:05:01+05:30")', "12:05 AM +05:30 +0530"],
    ['formatdate("H:m:s M/D Z", "2018-03-04T15:06:07Z")', "3:6:7 3/4 Z"],
    ['formatdate("YYYY-MM-DD\'T\'hh:mm:ss\'\'", "2018-01-02T23:12:01Z")', "2018-01-02T23:12:01'"],
    ['timeadd("2017-11-22T00:00:00Z", "10m")', "2017-11-22T00:10:00Z"],
    ['timeadd("2017-11-22T00:00:00Z", "-1h30m")', "2017-11-21T22:30:00Z"],
    ['timeadd("2017-11-22T23:59:59+01:00", "1.5s")', "2017-11-23T00:00:00+01:00"],
    ['timeadd("2017-11-22T00:00:00.5Z", "500ms")', "2017-11-22T00:00:01Z"],
    ['timeadd("2016-02-28T12:00:00Z", "24h")', "2016-02-29T12:00:00Z"],
  ])("%s", (src, want) => expect(ok(src)).toBe(want));

  it("errors", () => {
    expect(err('formatdate("Q", "2018-01-02T23:12:01Z")')[1]).toBe('Invalid value for "format" parameter: invalid date format verb "Q": unsupported.');
    expect(err('formatdate("YYYY", "2018-01-02")')[0]).toBe("Invalid function argument");
    expect(err('timeadd("2017-11-22T00:00:00Z", "10x")')[1]).toBe('Invalid value for "duration" parameter: time: unknown unit "x" in duration "10x".');
    expect(err('timeadd("2017-11-22T00:00:00Z", "10")')[1]).toBe('Invalid value for "duration" parameter: time: missing unit in duration "10".');
    expect(err("timestamp()")[0]).toBe("Call to unknown function");
  });
});
