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
    ADBC, AMPM, BAD_FORMAT, BC, DTK_DATE, DTK_DATE_M, DTK_NOW, DTK_NUMBER,
    DTK_SPECIAL, DTK_STRING, DTK_TIME, DTK_TIME_M, DTK_TZ, DTK_ZULU, DTZ,
    DTZMOD, DTZ_T, DYNTZ, DYNTZ_T, DateFields, DtErr, FIELD_OVERFLOW, HR24,
    IGNORE_DTF, ISOTIME, M, RESERV, TZ, TZ_T, UNITS, UNKNOWN_FIELD,
    _digit, _now_fields, _zone_not_found, apply_meridian, decode_date, decode_number,
    decode_number_field, decode_special, decode_time, decode_timezone,
    lookup_abbrev, lookup_zone, pending_unit_value, session_zone,
    time_overflows, tz_for_abbrev, tz_for_local, validate_date,
)


def decode_time_only(fields: list[tuple[str, int]], order: str,
                     now_zone: str | None = None) -> DateFields:
    """DecodeTimeOnly(): `out.tz` is the zone in seconds west (explicit,
    or the session zone's on the given date, else on the transaction's
    date, as DetermineTimeZoneOffset sees it); 'now' reads the
    transaction start in `now_zone`, the TimeZone setting."""
    out = DateFields()
    out.dtype = DTK_TIME
    tm = out.tm
    fmask = 0
    ptype = 0
    isjulian = False
    bc = False
    mer = HR24
    named_tz = None
    dynamic_tz = False
    abbrev_tz = abbrev = None
    tz = 0
    state = {"is2digits": False, "fsec": 0}
    nf = len(fields)
    ftypes = [f[1] for f in fields]
    for i, (field, ftype) in enumerate(fields):
        if ftype == DTK_DATE:
            if i == 0 and nf >= 2 and (ftypes[nf - 1] == DTK_DATE or ftypes[1] == DTK_TIME):
                tmask = decode_date(field, fmask, tm, order, state)
            elif _digit(field[0]):
                if (fmask & DTK_TIME_M) == DTK_TIME_M:
                    raise DtErr(BAD_FORMAT)
                dash = field.find("-")
                if dash < 0:
                    raise DtErr(BAD_FORMAT)
                tz = decode_timezone(field[dash:])
                tmask, code = decode_number_field(field[:dash], fmask | DTK_DATE_M, tm, state)
                ftypes[i] = code
                tmask |= M(TZ_T)
            else:
                named_tz = lookup_zone(field)
                if named_tz is None:
                    raise _zone_not_found(field)
                ftypes[i] = DTK_TZ
                tmask = M(TZ_T)
        elif ftype == DTK_TIME:
            # (15's DecodeTimeOnly leaves a pending unit word alone here)
            tmask, state["fsec"] = decode_time(field, tm)
        elif ftype == DTK_TZ:
            tz = decode_timezone(field)
            tmask = M(TZ_T)
        elif ftype == DTK_NUMBER:
            if ptype != 0:
                tmask, found_tz, julian, code = pending_unit_value(
                    field, ptype, fmask, tm, state)
                tz = found_tz if found_tz is not None else tz
                isjulian = isjulian or julian
                if code is not None:
                    ftypes[i] = code
                ptype = 0
                out.dtype = DTK_DATE
            else:
                flen = len(field)
                dot = field.find(".")
                if dot >= 0:
                    if i == 0 and nf >= 2 and ftypes[nf - 1] == DTK_DATE:
                        tmask = decode_date(field, fmask, tm, order, state)
                    elif dot > 2:
                        tmask, code = decode_number_field(field, fmask | DTK_DATE_M, tm, state)
                        ftypes[i] = code
                    else:
                        raise DtErr(BAD_FORMAT)
                elif flen > 4:
                    tmask, code = decode_number_field(field, fmask | DTK_DATE_M, tm, state)
                    ftypes[i] = code
                else:
                    tmask = decode_number(field, False, fmask | DTK_DATE_M, tm, order, state)
        elif ftype in (DTK_STRING, DTK_SPECIAL):
            found = lookup_abbrev(field)
            if found is None:
                ttype, val = decode_special(field)
            else:
                kind, payload = found
                ttype, val = ({DYNTZ: DYNTZ_T, DTZ: DTZ_T, TZ: TZ_T}[kind],
                              0 if kind == DYNTZ else -payload)
                if kind == DYNTZ:
                    abbrev_tz, abbrev = payload, field
            if ttype == IGNORE_DTF:
                continue
            tmask = M(ttype)
            if ttype == RESERV:
                if val == DTK_NOW:
                    tmask = DTK_TIME_M
                    out.dtype = DTK_TIME
                    now, state["fsec"], _ = _now_fields(now_zone)
                    tm.hour, tm.min, tm.sec = now.hour, now.min, now.sec
                elif val == DTK_ZULU:
                    tmask = DTK_TIME_M | M(TZ_T)
                    out.dtype = DTK_TIME
                    tm.hour = tm.min = tm.sec = 0
                    tm.isdst = 0
                    tz = 0
                else:
                    raise DtErr(BAD_FORMAT)
            elif ttype == DTZMOD:
                tmask |= M(DTZ_T)
                tm.isdst = 1
                tz -= val
            elif ttype == DTZ_T:
                tmask |= M(TZ_T)
                tm.isdst = 1
                tz = val
                ftypes[i] = DTK_TZ
            elif ttype == TZ_T:
                tm.isdst = 0
                tz = val
                ftypes[i] = DTK_TZ
            elif ttype == DYNTZ_T:
                tmask |= M(TZ_T)
                ftypes[i] = DTK_TZ
                dynamic_tz = True
            elif ttype == AMPM:
                mer = val
            elif ttype == ADBC:
                bc = val == BC
            elif ttype == UNITS:
                tmask = 0
                ptype = val
            elif ttype == ISOTIME:
                tmask = 0
                if i >= nf - 1 or ftypes[i + 1] not in (DTK_NUMBER, DTK_TIME, DTK_DATE):
                    raise DtErr(BAD_FORMAT)
                ptype = val
            elif ttype == UNKNOWN_FIELD:
                named_tz = lookup_zone(field)
                if named_tz is None:
                    raise DtErr(BAD_FORMAT)
                tmask = M(TZ_T)
            else:
                raise DtErr(BAD_FORMAT)
        else:
            raise DtErr(BAD_FORMAT)
        if tmask & fmask:
            raise DtErr(BAD_FORMAT)
        fmask |= tmask
    out.fsec = state["fsec"]
    validate_date(fmask, isjulian, state["is2digits"], bc, tm)
    apply_meridian(mer, tm)
    if time_overflows(tm.hour, tm.min, tm.sec, out.fsec):
        raise DtErr(FIELD_OVERFLOW)
    if (fmask & DTK_TIME_M) != DTK_TIME_M:
        raise DtErr(BAD_FORMAT)
    if named_tz is not None:
        if fmask & M(DTZMOD):
            raise DtErr(BAD_FORMAT)
        gmtoff = named_tz.fixed_gmtoff()
        if gmtoff is not None:
            tz = -gmtoff
        elif (fmask & DTK_DATE_M) != DTK_DATE_M:
            raise DtErr(BAD_FORMAT)
        else:
            tz = tz_for_local(named_tz, tm.year, tm.mon, tm.mday, tm.hour,
                              tm.min, tm.sec)
    if dynamic_tz or not (fmask & M(TZ_T)):
        if fmask & M(DTZMOD):
            raise DtErr(BAD_FORMAT)
        if (fmask & DTK_DATE_M) and (fmask & DTK_DATE_M) != DTK_DATE_M:
            raise DtErr(BAD_FORMAT)
        # no date: GetCurrentDateTime(), the transaction's date
        day = tm if fmask & DTK_DATE_M else _now_fields(now_zone)[0]
        if abbrev_tz is not None:
            tz = tz_for_abbrev(abbrev_tz, abbrev, day.year, day.mon, day.mday,
                               tm.hour, tm.min, tm.sec)
        else:
            tz = tz_for_local(session_zone(now_zone or "UTC"), day.year,
                              day.mon, day.mday, tm.hour, tm.min, tm.sec)
    out.tz = tz
    return out
