"""The one place that decides what a user may see or change.

Every view, API endpoint and admin class asks `can()` (or `check()`, or
`visible()` for lists). A model tells the policy what kind of record it is:

- `public_reference = True`: reference data anyone may read (instruments, states);
- otherwise `scope_state_id` (the state the record belongs to) and, optionally,
  `is_confidential`, for records that a state's focal point may see;
  `focal_point_actions` narrows what that focal point may do (default: view, change);
- `expert_ids()` lists the experts assigned to a record, who may view, change and
  comment on it;
- `state_ids()` lists the states of a record that concerns several (an activity), whose
  focal points may view it; `donor_user_ids()` the donors' representatives who fund it
  and may view it.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.models import Role


class Action(models.TextChoices):
    VIEW = "view"
    CHANGE = "change"
    PUBLISH = "publish"
    COMMENT = "comment"
    MANAGE_USERS = "manage-users"


def role_of(user) -> str | None:
    """The user's role, or None for the public (anonymous or without a profile)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMINISTRATOR
    profile = getattr(user, "profile", None)
    return profile.role if profile else None


def state_of(user):
    profile = getattr(user, "profile", None) if user is not None and user.is_authenticated else None
    return profile.state_id if profile and profile.role == Role.FOCAL_POINT else None


def can(user, action: str, record=None) -> bool:
    role = role_of(user)
    if action == Action.MANAGE_USERS:
        return role == Role.ADMINISTRATOR
    if role in (Role.STAFF, Role.ADMINISTRATOR):
        return True
    if action == Action.VIEW and getattr(record, "public_reference", False):
        return True
    if role == Role.EXPERT and hasattr(record, "expert_ids"):
        return user.id in record.expert_ids() and action in (Action.VIEW, Action.CHANGE, Action.COMMENT)
    if role == Role.DONOR and hasattr(record, "donor_user_ids"):
        return action == Action.VIEW and user.id in record.donor_user_ids()
    if role == Role.FOCAL_POINT and hasattr(record, "state_ids"):
        # Records of several states (an activity): each state's focal point may see them.
        return action == Action.VIEW and state_of(user) in record.state_ids()
    scope_state_id = getattr(record, "scope_state_id", None)
    if role == Role.FOCAL_POINT and scope_state_id is not None:
        if scope_state_id != state_of(user):
            return False
        return action in getattr(record, "focal_point_actions", (Action.VIEW, Action.CHANGE))
    return False


def check(user, action: str, record) -> None:
    """Raise unless the user may act on the record.

    A record the user may not see is answered as missing (404), so that its
    existence is not revealed; a record it may see but not change is a 403.
    """
    if can(user, action, record):
        return
    if action == Action.VIEW or not can(user, Action.VIEW, record):
        raise Http404(_("No such record."))
    raise PermissionDenied(_("You may not change this record."))


def visible(user, queryset):
    """The part of a queryset that the user may see."""
    model = queryset.model
    # `is True`: a model may make public_reference a property, decided per record.
    if getattr(model, "public_reference", False) is True or role_of(user) in (Role.STAFF, Role.ADMINISTRATOR):
        return queryset
    if hasattr(queryset, "visible_to"):
        return queryset.visible_to(user)
    return queryset.none()


# Named questions asked by pages, the API and the menu: views and templates ask these, never
# a role (tests/test_access_predicates.py looks for role checks written elsewhere).
STAFF_ROLES = (Role.STAFF, Role.ADMINISTRATOR)


def is_staff_member(user) -> bool:
    """Staff and administrators: they see everything and do the staff work."""
    return role_of(user) in STAFF_ROLES


def may_submit_request(user) -> bool:
    """A state's focal point (for its own state) and staff submit requests for assistance."""
    return role_of(user) in (Role.FOCAL_POINT, *STAFF_ROLES)


def submits_for_own_state_only(user) -> bool:
    """A focal point's requests are its own state's, and never a Committee referral."""
    return role_of(user) == Role.FOCAL_POINT


def may_plan_activities(user) -> bool:
    """Planning activities and recording who came is staff work (no record: only staff may)."""
    return can(user, Action.CHANGE)


def may_read_roster(user) -> bool:
    """The roster of experts holds personal data: staff and the experts themselves read it."""
    return role_of(user) in (*STAFF_ROLES, Role.EXPERT)


def may_assign_experts(user) -> bool:
    """Staff assign experts to activities and reviews."""
    return is_staff_member(user)


def may_see_expert_contacts(user) -> bool:
    """An expert's e-mail address is for staff only."""
    return is_staff_member(user)


def may_see_restricted_contacts(user) -> bool:
    """A competent authority's direct telephone and e-mail, and requirements a state marks
    restricted, are for signed-in practitioners: any active user with a role."""
    return role_of(user) is not None


def may_see_focal_points(user) -> bool:
    """Who a state's focal points are (names, e-mail) is for signed-in users with a role; the
    public learns only whether a state has one."""
    return role_of(user) is not None


def may_see_state_activities(user) -> bool:
    """A state's activities are never public: users with a role see those that `visible`
    lets them see; the public sees neither the records nor how many there are."""
    return role_of(user) is not None


def may_see_state_reviews(user) -> bool:
    """A state's legislative reviews are for staff, its focal point and assigned experts
    (`visible` narrows them); donors and the public have no part in them."""
    return role_of(user) in (*STAFF_ROLES, Role.FOCAL_POINT, Role.EXPERT)


def may_keep_authority(user, authority) -> bool:
    """Staff, and the focal point of the entry's own state, record and confirm a competent
    authority (Authority.scope_state_id); another state's focal point may not."""
    return can(user, Action.CHANGE, authority)


def may_see_projects(user) -> bool:
    """Staff see every project, a donor's representatives those it funds."""
    return role_of(user) in (*STAFF_ROLES, Role.DONOR)


def may_see_funding_details(user) -> bool:
    """Expenditure per biennium and donors' pages: staff see all, a donor its own (F8)."""
    return role_of(user) in (*STAFF_ROLES, Role.DONOR)


def may_see_donor(user, donor) -> bool:
    """A donor's page (its pledges, payments, projects and what they paid for): staff and the
    donor's own representatives; to anyone else the donor is not there (404)."""
    return can(user, Action.VIEW, donor)


def may_see_plans(user) -> bool:
    """Staff see every plan, a focal point its state's plans."""
    return role_of(user) in (*STAFF_ROLES, Role.FOCAL_POINT)


def may_see_outcomes(user) -> bool:
    """Staff review proposed outcomes, a focal point sees its state's confirmed ones."""
    return role_of(user) in (*STAFF_ROLES, Role.FOCAL_POINT)


def may_see_dashboard(user) -> bool:
    """The dashboard and the balance of the Strategy's pillars count confidential records: staff only."""
    return is_staff_member(user)


def may_create_plan(user) -> bool:
    """Staff create national action plans and drafting committees."""
    return can(user, Action.CHANGE)


def may_edit_plan(user, plan) -> bool:
    """Staff, and the focal point of the plan's state, keep a plan up to date."""
    return can(user, Action.CHANGE, plan)


def may_decide_plan_scope(user) -> bool:
    """Which state a plan belongs to and which requests it answers are staff's decisions."""
    return is_staff_member(user)


def may_see_provenance(user) -> bool:
    """Where a record's data came from (files, checksums) is shown to staff only."""
    return is_staff_member(user)


def may_import_laws(user) -> bool:
    """Staff import laws (the page previews them before anything is saved)."""
    return can(user, Action.CHANGE)


def may_start_review(user) -> bool:
    """Staff open the review of a state's laws against an instrument."""
    return role_of(user) in (Role.STAFF, Role.ADMINISTRATOR)


# Who may move a record along its lifecycle (ctassist.lifecycle): one predicate per kind of
# record, and one per move that asks more than its kind's.


def may_move_request(user, request) -> bool:
    """Staff move a request; its focal point submits and follows it."""
    return can(user, Action.CHANGE, request) and can(user, Action.PUBLISH, request)


def may_move_activity(user, activity) -> bool:
    """Staff change an activity's status; the states, donors and experts it concerns see it."""
    return can(user, Action.CHANGE, activity) and can(user, Action.PUBLISH, activity)


def may_move_review(user, review) -> bool:
    """Staff and the review's assigned experts move it between draft and in review."""
    return can(user, Action.CHANGE, review)


def may_make_review_final(user, review) -> bool:
    """Only staff make a review final, or reopen a final one."""
    return can(user, Action.PUBLISH, review)


def may_decide_outcome(user, outcome) -> bool:
    """Staff confirm or reject a proposed outcome."""
    return can(user, Action.PUBLISH, outcome)


def may_move_plan(user, plan) -> bool:
    """Staff and the focal point of the plan's state record where a plan stands."""
    return can(user, Action.CHANGE, plan)


def may_draft_requests(user) -> bool:
    """Any signed-in user drafts requests for mutual legal assistance and extradition."""
    return user is not None and user.is_authenticated and user.is_active


def may_see_draft(user, draft) -> bool:
    """A request draft is its author's; the author may share it with the users of the
    author's own state. One rule, the drafts' own QuerySet (visible_to), decides."""
    if not may_draft_requests(user):
        return False
    return type(draft).objects.visible_to(user).filter(pk=draft.pk).exists()


def may_change_draft(user, draft) -> bool:
    """Only its author changes or deletes a request draft (sharing lets others read it)."""
    return may_draft_requests(user) and draft.author_id == user.id


def may_write_reports(user) -> bool:
    """Drafts of the Secretary-General's reports, and the internal figures that count
    confidential records, are staff work (reports/)."""
    return is_staff_member(user)


# Questionnaires to Member States (surveys, F11).


def may_manage_questionnaires(user) -> bool:
    """Staff write questionnaires (in the admin), open and close them, enter replies for any
    respondent, publish replies and code text answers."""
    return is_staff_member(user)


def may_read_questionnaire(user, questionnaire) -> bool:
    """Anyone reads an open or closed questionnaire's questions; a draft is staff's."""
    return may_manage_questionnaires(user) or questionnaire.status != "draft"


def may_reply(user, questionnaire, state) -> bool:
    """A focal point replies for its own state, while the questionnaire is open; staff enter
    a reply for any state at any time."""
    if may_manage_questionnaires(user):
        return True
    return questionnaire.status == "open" and state is not None and state_of(user) == state.id


def may_see_reply(user, reply) -> bool:
    """Staff see every reply, a focal point its own state's, anyone a published one. One
    rule, the replies' own QuerySet (visible_to), decides."""
    return type(reply).objects.visible_to(user).filter(pk=reply.pk).exists()


def may_change_reply(user, reply) -> bool:
    """Staff change any reply; the focal point of the reply's state changes it while it is a
    draft (Reply.scope_state_id: only a state's own reply)."""
    if may_manage_questionnaires(user):
        return True
    return reply.status == "draft" and not reply.published and can(user, Action.CHANGE, reply)


def may_move_reply(user, reply) -> bool:
    """Staff and the focal point of the reply's own state submit it."""
    return can(user, Action.CHANGE, reply)


def may_reopen_reply(user, reply) -> bool:
    """Only staff return a submitted reply to draft."""
    return may_manage_questionnaires(user)


def may_publish_reply(user) -> bool:
    """Staff publish a reply (then everyone sees it) or withdraw its publication."""
    return may_manage_questionnaires(user)


def may_code_answers(user) -> bool:
    """Staff code text answers into a question's categories for the summary."""
    return may_manage_questionnaires(user)
