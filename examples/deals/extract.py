"""Load the CRM export in data/ into the deals schema (schema.sql).

    twinning postgres --schema examples/deals/schema.sql \\
        --verify examples/deals/rules.verify.json \\
        --run "python3 examples/deals/extract.py"

It connects with DATABASE_URL (which `twinning --run` sets) or the PG*
variables, so the same script runs against the twin and against PostgreSQL.

1. Each CSV row is normalised: whitespace trimmed, emails lower-cased,
   "1,200.50" and "$45,000.00" read as numbers, "4.5%" as 0.045, dates in
   ISO or US (MM/DD/YYYY) form.
2. Rows are upserted parents first (tenants, properties, deals, contacts),
   so a key that appears twice in the export is merged: the later row wins.
3. The links that point back up or sideways are set last: each tenant's
   primary deal (its largest deal), each contact's manager (a contact of
   the same tenant).
4. A short summary is read back and printed.

Every row runs under its own savepoint: a row PostgreSQL refuses (an
IntegrityError for a constraint, a DataError for a value) is rolled back,
logged to stderr with its SQLSTATE, and the load goes on.
"""

import csv
import os
import sys
import uuid
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path

import psycopg2
from psycopg2.extras import Json

DATA = Path(__file__).resolve().parent / "data"
# external_ref is derived from the deal's reference, so reloading the export
# gives every deal the same uuid (gen_random_uuid() would not).
DEAL_NAMESPACE = uuid.UUID("6f1c2a52-2f4e-4a57-9a3e-0d5c7f1b8e21")


def log(message):
    print(message, file=sys.stderr)


def read_csv(name):
    with open(DATA / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# -- source values → Python values ---------------------------------------

def text(value):
    """'  12 Harbor St,  Boston ' → '12 Harbor St, Boston'; blank → None."""
    return " ".join(value.split()) or None


def code(value):
    """' us' → 'US'; blank → None."""
    return value.strip().upper() or None


def email(value):
    """'  Bob.Stone@Acme-Realty.com ' → 'bob.stone@acme-realty.com'."""
    return value.strip().lower() or None


def flag(value):
    return value.strip().lower() in ("1", "t", "true", "y", "yes")


def number(value):
    """'1,200.50', '$45,000.00', ' 980000 ' → Decimal; '', 'N/A' → None."""
    try:
        return Decimal(value.strip().replace(",", "").removeprefix("$"))
    except InvalidOperation:
        return None


def rate(value):
    """'4.5%' and '5 %' are percentages; '0.05' is already a fraction."""
    value = value.strip()
    if value.endswith("%"):
        percent = number(value[:-1])
        return None if percent is None else float(percent / 100)
    fraction = number(value)
    return None if fraction is None else float(fraction)


def timestamp(value):
    """ISO 8601 ('2024-03-01T12:00:00', '2023-03-01T09:30:00Z') or US
    ('02/15/2024 17:00', '03/31/2024'); blank → None."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    for form in ("%m/%d/%Y %H:%M", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, form)
        except ValueError:
            pass
    raise ValueError(f"unrecognised date {value!r}")


def utc(value):
    """A source time without a zone is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=timezone.utc)


def property_id(value):
    """A deal's property: 'P-12' or '12' → 12; blank → None."""
    value = value.strip().removeprefix("P-")
    return int(value) if value else None


def integer(value):
    n = number(value)
    return None if n is None else int(n)


# -- writing rows ----------------------------------------------------------

class Loader:
    """One cursor; each row under a savepoint, refused rows logged."""

    def __init__(self, conn):
        self.cur = conn.cursor()
        self.refused = 0

    def row(self, what, sql, params):
        """Run one row's statement: its RETURNING row (True without one),
        or None and a log line if PostgreSQL refused it."""
        self.cur.execute("SAVEPOINT row")
        try:
            self.cur.execute(sql, params)
        except (psycopg2.IntegrityError, psycopg2.DataError) as exc:
            self.cur.execute("ROLLBACK TO SAVEPOINT row")
            self.refused += 1
            log(f"refused {what}: {exc.pgcode} {exc.diag.message_primary}")
            if exc.diag.message_detail:
                log(f"  DETAIL: {exc.diag.message_detail}")
            return None
        returned = self.cur.fetchone() if self.cur.description else True
        self.cur.execute("RELEASE SAVEPOINT row")
        return returned


TENANT_UPSERT = """
    INSERT INTO tenants (tenant_id, name, region, is_active, created_at)
    VALUES (%(tenant_id)s, %(name)s, %(region)s, %(is_active)s, %(created_at)s)
    ON CONFLICT (tenant_id) DO UPDATE SET
        name = EXCLUDED.name, region = EXCLUDED.region,
        is_active = EXCLUDED.is_active, created_at = EXCLUDED.created_at"""

PROPERTY_UPSERT = """
    INSERT INTO properties (tenant_id, property_id, address, sq_ft, built_on)
    VALUES (%(tenant_id)s, %(property_id)s, %(address)s, %(sq_ft)s, %(built_on)s)
    ON CONFLICT (tenant_id, property_id) DO UPDATE SET
        address = EXCLUDED.address, sq_ft = EXCLUDED.sq_ft,
        built_on = EXCLUDED.built_on"""

DEAL_UPSERT = """
    INSERT INTO deals (deal_id, external_ref, tenant_id, property_id, amount,
                       rate, stage, closes_at, meeting_at, term, attributes,
                       raw_payload, tags)
    VALUES (%(deal_id)s, %(external_ref)s, %(tenant_id)s, %(property_id)s,
            %(amount)s, %(rate)s, %(stage)s, %(closes_at)s, %(meeting_at)s,
            %(term)s, %(attributes)s, %(raw_payload)s, %(tags)s)
    ON CONFLICT (deal_id) DO UPDATE SET
        tenant_id = EXCLUDED.tenant_id, property_id = EXCLUDED.property_id,
        amount = EXCLUDED.amount, rate = EXCLUDED.rate,
        stage = EXCLUDED.stage, closes_at = EXCLUDED.closes_at,
        meeting_at = EXCLUDED.meeting_at, term = EXCLUDED.term,
        attributes = EXCLUDED.attributes, raw_payload = EXCLUDED.raw_payload,
        tags = EXCLUDED.tags"""

CONTACT_UPSERT = """
    INSERT INTO crm.contacts (tenant_id, email, score)
    VALUES (%(tenant_id)s, %(email)s, %(score)s)
    ON CONFLICT (tenant_id, email) DO UPDATE SET score = EXCLUDED.score
    RETURNING contact_id"""


def load_tenants(load):
    for row in read_csv("tenants.csv"):
        tenant = {"tenant_id": int(row["tenant_id"]), "name": text(row["name"]),
                  "region": code(row["region"]), "is_active": flag(row["active"]),
                  "created_at": utc(timestamp(row["signed_up"]))}
        load.row(f"tenant {tenant['tenant_id']}", TENANT_UPSERT, tenant)


def load_properties(load):
    for row in read_csv("properties.csv"):
        built = timestamp(row["built_on"])
        prop = {"tenant_id": int(row["tenant_id"]),
                "property_id": int(row["property_id"]),
                "address": text(row["address"]), "sq_ft": number(row["sq_ft"]),
                "built_on": built.date() if built else None}
        load.row(f"property {prop['tenant_id']}/{prop['property_id']}",
                 PROPERTY_UPSERT, prop)


def load_deals(load):
    """Upsert every deal; {deal_id: (tenant_id, amount)} of those stored."""
    stored = {}
    for line, row in enumerate(read_csv("deals.csv"), start=2):
        ref = row["deal_ref"].strip()
        deal = {"deal_id": int(ref.removeprefix("D-")),
                "external_ref": str(uuid.uuid5(DEAL_NAMESPACE, ref)),
                "tenant_id": int(row["tenant_id"]),
                "property_id": property_id(row["property"]),
                "amount": number(row["amount"]), "rate": rate(row["rate"]),
                "stage": row["stage"].strip().lower(),
                "closes_at": timestamp(row["closes"]),
                "meeting_at": text(row["meeting"]), "term": text(row["term"]),
                "attributes": Json({"source": "deals.csv", "line": line}),
                "raw_payload": Json(row),
                "tags": [t.strip() for t in row["tags"].split(";") if t.strip()]}
        if load.row(f"deal {ref}", DEAL_UPSERT, deal):
            stored[deal["deal_id"]] = (deal["tenant_id"], deal["amount"])
    return stored


def primary_deals(stored):
    """{tenant_id: deal_id}: each tenant's largest deal."""
    best = {}
    for deal_id, (tenant_id, amount) in sorted(stored.items()):
        if tenant_id not in best or amount > stored[best[tenant_id]][1]:
            best[tenant_id] = deal_id
    return best


def set_primary_deals(load, stored):
    for tenant_id, deal_id in sorted(primary_deals(stored).items()):
        load.row(f"tenant {tenant_id} primary deal",
                 "UPDATE tenants SET primary_deal = %s WHERE tenant_id = %s",
                 (deal_id, tenant_id))


def load_contacts(load):
    """Upsert every contact with an email; {(tenant_id, email): contact_id}."""
    ids = {}
    for row in read_csv("contacts.csv"):
        contact = {"tenant_id": int(row["tenant_id"]),
                   "email": email(row["email"]), "score": integer(row["score"])}
        if contact["email"] is None:
            log(f"skipped contact of tenant {contact['tenant_id']}: no email")
            continue
        returned = load.row(f"contact {contact['email']}", CONTACT_UPSERT, contact)
        if returned:
            ids[contact["tenant_id"], contact["email"]] = returned[0]
    return ids


def find_manager(ids, tenant_id, manager_email):
    """A manager is a contact of the same tenant."""
    return ids.get((tenant_id, manager_email))


def set_managers(load, ids):
    for row in read_csv("contacts.csv"):
        tenant_id, manager = int(row["tenant_id"]), email(row["manager_email"])
        contact_id = ids.get((tenant_id, email(row["email"])))
        if not manager or contact_id is None:
            continue
        manager_id = find_manager(ids, tenant_id, manager)
        if manager_id is None:
            log(f"skipped manager of contact {contact_id}: "
                f"{manager} is not a contact of tenant {tenant_id}")
            continue
        load.row(f"contact {contact_id} manager",
                 "UPDATE crm.contacts SET manager_id = %s WHERE contact_id = %s",
                 (manager_id, contact_id))


def summary(cur):
    counts = []
    for table in ("tenants", "properties", "deals", "crm.contacts"):
        cur.execute(f"SELECT count(*) FROM {table}")
        counts.append(f"{cur.fetchone()[0]} {table}")
    print("loaded: " + ", ".join(counts))
    cur.execute("SELECT stage, count(*), sum(amount) FROM deals "
                "GROUP BY stage ORDER BY stage")
    print(f"{'stage':<10} {'deals':>5} {'amount':>12}")
    for stage, count, total in cur.fetchall():
        print(f"{stage:<10} {count:>5} {total:>12}")


def main():
    conn = psycopg2.connect(os.environ.get("DATABASE_URL", ""))
    load = Loader(conn)
    # Parents first, committed as each step completes.
    load_tenants(load)
    load_properties(load)
    conn.commit()
    stored = load_deals(load)
    set_primary_deals(load, stored)  # tenants → deals closes the FK cycle
    conn.commit()
    ids = load_contacts(load)
    set_managers(load, ids)
    conn.commit()
    print(f"{load.refused} rows refused (logged above)")
    summary(load.cur)
    conn.close()


if __name__ == "__main__":
    main()
