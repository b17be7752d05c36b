"""The duties of meetings (issue 22): attend each summons, and book an interview when the job
centre asks (the rules are stated in `jobnet.domain.duties` and docs/domain.md)."""

from __future__ import annotations

from datetime import timedelta

from jobnet.domain.clock import DANISH_TIME
from jobnet.domain.duty_facts import Duty, DutyFacts, DutyState, open_state
from jobnet.domain.duty_rules import DutyKind, DutyRule, rule_for


def interview_duties(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> list[Duty]:
    duties = []
    for summons in facts.summons:
        day = summons.starts_at.astimezone(DANISH_TIME).date()
        rule = rule_for(DutyKind.INTERVIEW, day, facts.contact_group, facts.match_group, rules)
        if rule is None:
            continue
        ends_at = summons.starts_at + timedelta(minutes=summons.duration_minutes)
        if summons.held:
            state = DutyState.DONE
        elif summons.not_attended:
            state = DutyState.MISSED
        elif summons.cannot_come:
            state = DutyState.DONE
        elif facts.now < ends_at:
            state = DutyState.TO_DO
        else:
            state = DutyState.NOT_REQUIRED
        duties.append(
            Duty(
                key=f"interview:{summons.id}",
                kind=DutyKind.INTERVIEW,
                state=state,
                rule=rule,
                deadline=day,
                begins=day,
                due_at=summons.starts_at,
                summons_id=summons.id,
                cannot_come=summons.cannot_come and state == DutyState.DONE and not summons.held,
                # Said only when the event went to a fund: a person in contact group 1 who is
                # no fund's member has no fund to tell, and today's group may not be that day's.
                fund_told=state == DutyState.MISSED and summons.fund_told,
            )
        )
    return duties


def booking_duties(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> list[Duty]:
    duties = []
    for booking in facts.bookings:
        group, match = facts.contact_group, facts.match_group
        rule = rule_for(DutyKind.BOOKING, booking.opened_on, group, match, rules)
        if rule is None:
            continue
        state = DutyState.DONE if booking.booked else open_state(facts.today, booking.deadline)
        duties.append(
            Duty(
                key=f"booking:{booking.id}",
                kind=DutyKind.BOOKING,
                state=state,
                rule=rule,
                deadline=booking.deadline,
                begins=booking.opened_on,
                booking_id=booking.id,
            )
        )
    return duties
