"""extract.py with eight deliberate bugs, each marked `BUG n`.

    twinning postgres --schema examples/deals/schema.sql \\
        --verify examples/deals/rules.verify.json \\
        --run "python3 examples/deals/extract_buggy.py"

It runs extract.py's main() with a few of its functions and statements
replaced by the mistakes extractors really make. Some bad rows PostgreSQL
refuses (the log shows their SQLSTATEs); the rest land, because the schema
does not forbid them, and only the rules in rules.verify.json catch them.
The twin then exits 1 with the failing rules and the offending keys.
"""

import extract


def number(value):
    # BUG 1: the source text goes to PostgreSQL as is. numeric and real do
    # not read "1,200.50", "$45,000.00" or "N/A": 22P02, the row is lost
    # (deals D-1001, D-1005, D-1006; properties 1/10, 1/11, 1/12).
    return value.strip() or None


def rate(value):
    # BUG 2: "4.5%" loses its "%" but is not divided by 100: rate 4.5 lands
    # (DEALS_RATE_IS_FRACTION).
    value = value.strip().removesuffix("%")
    return float(value) if value else None


def property_id(value):
    # BUG 3: only bare numbers are read; "P-12" becomes NULL, which the
    # composite foreign key (MATCH SIMPLE) lets through
    # (DEALS_PROPERTY_NAMED).
    value = value.strip()
    return int(value) if value.isdigit() else None


# BUG 4: plain INSERTs, no ON CONFLICT: the second row of a key that
# appears twice (tenant 2, deal D-1004) is refused with 23505 instead of
# merged, so the stale first row stays.
extract.TENANT_UPSERT = extract.TENANT_UPSERT.split("ON CONFLICT")[0]
extract.DEAL_UPSERT = extract.DEAL_UPSERT.split("ON CONFLICT")[0]


def email(value):
    # BUG 5: no lower(): "ANN.LEE@acme-realty.com" is a second contact
    # beside "ann.lee@acme-realty.com" (CONTACTS_LOADED).
    # BUG 6: a blank email becomes '' rather than None, so the contact is
    # not skipped; NOT NULL accepts '' (CONTACTS_EMAIL_PRESENT).
    return value.strip()


def find_manager(ids, tenant_id, manager_email):
    # BUG 7: the manager is looked up by email in every tenant; the last
    # contact with that email wins, even in another tenant
    # (CONTACTS_MANAGER_SAME_TENANT).
    by_email = {mail: contact_id for (_, mail), contact_id in ids.items()}
    return by_email.get(manager_email)


def primary_deals(stored):
    # BUG 8: the largest deal overall, not per tenant: every tenant gets the
    # same primary deal, mostly one it does not own
    # (TENANTS_PRIMARY_DEAL_DISTINCT, TENANTS_PRIMARY_DEAL_OWNED).
    largest = max(stored, key=lambda deal_id: stored[deal_id][1])
    tenants = {int(row["tenant_id"]) for row in extract.read_csv("tenants.csv")}
    return {tenant_id: largest for tenant_id in tenants}


extract.number = number
extract.rate = rate
extract.property_id = property_id
extract.email = email
extract.find_manager = find_manager
extract.primary_deals = primary_deals

if __name__ == "__main__":
    extract.main()
