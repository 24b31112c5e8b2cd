"""DecodeTimeOnly() (datetime.c), ported: `time` and `time with time
zone` input. Split from `dtparse` (which holds the shared field decoders
and DecodeDateTime) so each module stays readable; the port keeps
PostgreSQL's control flow and masks, as `dtparse` does.

The zone is always computed, as PostgreSQL computes it for both types
(time_in ignores it): an explicit offset or abbreviation, a named zone
(its date needed unless its offset is fixed), else the session's zone on
the input's date or, with none, the transaction's date.
"""

from __future__ import annotations

from twinning.values.dtparse import (
    BAD_FORMAT, DTK_DATE, DTK_DATE_M, DTK_NOW, DTK_NUMBER,
    DTK_TIME, DTK_TIME_M, DTK_TZ, DTK_ZULU, DTZMOD, DateFields, DtErr, FIELD_OVERFLOW,
    FieldScan, M, RESERV, TZ_T, _digit, _now_fields, decode_date,
    decode_number, decode_number_field, decode_time, session_zone,
    time_overflows, tz_for_abbrev, tz_for_local,
)


def decode_time_only(fields: list[tuple[str, int]], order: str,
                     now_zone: str | None = None) -> DateFields:
    """DecodeTimeOnly(): `tz` is the zone in seconds west (explicit,
    or the session zone's on the given date, else on the transaction's
    date, as DetermineTimeZoneOffset sees it); 'now' reads the
    transaction start in `now_zone`, the TimeZone setting."""
    d = FieldScan(fields, DTK_TIME)
    tm, state = d.tm, d.state
    nf = len(fields)
    for i, (field, ftype) in enumerate(fields):
        if ftype == DTK_TZ or ftype == DTK_NUMBER and d.ptype != 0:
            tmask = d.offset_or_unit_value(field, ftype)
        elif ftype == DTK_DATE:
            if i == 0 and nf >= 2 and (fields[nf - 1][1] == DTK_DATE or fields[1][1] == DTK_TIME):
                tmask = decode_date(field, d.fmask, tm, order, state)
            elif _digit(field[0]):
                tmask = d.number_with_zone(field, d.fmask | DTK_DATE_M)
            else:
                tmask = d.zone_name(field)
        elif ftype == DTK_TIME:
            # (15's DecodeTimeOnly leaves a pending unit word alone here)
            tmask, state["fsec"] = decode_time(field, tm)
        elif ftype == DTK_NUMBER:
            fmask = d.fmask
            dot = field.find(".")
            if dot >= 0:
                if i == 0 and nf >= 2 and fields[nf - 1][1] == DTK_DATE:
                    tmask = decode_date(field, fmask, tm, order, state)
                elif dot > 2:
                    tmask, _ = decode_number_field(field, fmask | DTK_DATE_M, tm, state)
                else:
                    raise DtErr(BAD_FORMAT)
            elif len(field) > 4:
                tmask, _ = decode_number_field(field, fmask | DTK_DATE_M, tm, state)
            else:
                tmask = decode_number(field, False, fmask | DTK_DATE_M, tm, order, state)
        else:
            ttype, val = d.word_type(field, ftype)
            tmask = M(ttype)
            if ttype == RESERV:
                if val == DTK_NOW:
                    tmask = DTK_TIME_M
                    d.dtype = DTK_TIME
                    now, state["fsec"], _ = _now_fields(now_zone)
                    tm.hour, tm.min, tm.sec = now.hour, now.min, now.sec
                elif val == DTK_ZULU:
                    tmask = DTK_TIME_M | M(TZ_T)
                    d.dtype = DTK_TIME
                    tm.hour = tm.min = tm.sec = 0
                    tm.isdst = 0
                    d.tz = 0
                else:
                    raise DtErr(BAD_FORMAT)
            else:
                tmask = d.zone_or_modifier(i, field, ttype, val, tmask, need_date=False)
        d.add(tmask)
    fmask, tz = d.finish()
    if time_overflows(tm.hour, tm.min, tm.sec, d.fsec):
        raise DtErr(FIELD_OVERFLOW)
    if (fmask & DTK_TIME_M) != DTK_TIME_M:
        raise DtErr(BAD_FORMAT)
    if d.named_tz is not None:
        if fmask & M(DTZMOD):
            raise DtErr(BAD_FORMAT)
        gmtoff = d.named_tz.fixed_gmtoff()
        if gmtoff is not None:
            tz = -gmtoff
        elif (fmask & DTK_DATE_M) != DTK_DATE_M:
            raise DtErr(BAD_FORMAT)
        else:
            tz = tz_for_local(d.named_tz, tm.year, tm.mon, tm.mday, tm.hour,
                              tm.min, tm.sec)
    if d.abbrev_tz is not None or not (fmask & M(TZ_T)):
        if fmask & M(DTZMOD):
            raise DtErr(BAD_FORMAT)
        if (fmask & DTK_DATE_M) and (fmask & DTK_DATE_M) != DTK_DATE_M:
            raise DtErr(BAD_FORMAT)
        # no date: GetCurrentDateTime(), the transaction's date
        day = tm if fmask & DTK_DATE_M else _now_fields(now_zone)[0]
        if d.abbrev_tz is not None:
            tz = tz_for_abbrev(d.abbrev_tz, d.abbrev, day.year, day.mon, day.mday,
                               tm.hour, tm.min, tm.sec)
        else:
            tz = tz_for_local(session_zone(now_zone or "UTC"), day.year,
                              day.mon, day.mday, tm.hour, tm.min, tm.sec)
    d.tz = tz
    return d
