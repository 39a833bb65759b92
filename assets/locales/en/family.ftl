## Families: the family link, its page, its calendar, notices
# Family texts never call the parent a detainee, and show no prison rule.
family-title = Next visits
family-language = Language
family-language-name = English
family-for = For { $children }
family-and = { $first } and { $last }
family-visit-of = { $count ->
    [one] { $children } visits { $parent }
   *[other] { $children } visit { $parent }
}
family-handover = Hand over the child
family-return = Back around
family-volunteer = Who comes
family-volunteer-unknown = We will tell you soon
family-place-unknown = the coordination will tell you where
family-to-confirm = Not confirmed yet
family-cancelled = Cancelled: { $reason }
family-moved = Moved: it was planned on { $former }
family-no-visit = No visit is planned for now. The coordination will tell you.
family-call = Questions? Call the coordination:
family-call-no-number = Questions? Call the coordination.
family-calendar = Add the visits to my phone's calendar
family-calendar-file = Download the visits as a calendar file
family-calendar-cancelled = Cancelled: { $summary }
family-print-hint = To keep a paper copy, print this page.
family-reason-strike = the prison is closed that day (staff strike)
family-reason-lockdown = the prison is closed to visits that day
family-reason-refused_at_door = the visit could not take place that day
family-reason-parent_transferred = the parent has moved to another place
family-reason-parent_released = the parent has come home
family-reason-child_ill = the child is ill
family-reason-guardian_withdrew = you asked not to go
family-reason-other = the coordination will explain why
family-cannot-come = We cannot come
family-cannot-come-why = Why?
family-cannot-come-child_ill = The child is ill
family-cannot-come-other = Another reason
family-cannot-come-next = Next
family-confirm-title = Tell the coordination you cannot come?
family-confirm-text = { $children }, visit of { $date }.
family-confirm-yes = Yes, tell the coordination
family-confirm-no = No, go back
family-told = Thank you. The coordination has your message and will call you.
family-back = Back to the visits
family-ended = This link no longer works.
family-too-many = Too many wrong links from this network. Wait 10 minutes and try again.
family-no-such-visit = This visit is no longer on your list.
family-link-subject = The next visits of { $children }
family-link-message = Hello, here are the next visits of { $children }. Open this link on your phone: { $url } Itinérances, Red Cross
family-notice-planned-subject = New visit on { $date }
family-notice-planned-body = Hello, a visit is planned for { $children } on { $date }. Hand over the child at { $time }, { $place }. Back around { $back }. Questions: { $phone }. Itinérances, Red Cross
family-notice-moved-subject = The visit has moved to { $date }
family-notice-moved-body = Hello, the visit of { $children } planned on { $former } has moved to { $date }. Hand over the child at { $time }, { $place }. Back around { $back }. Questions: { $phone }. Itinérances, Red Cross
family-notice-cancelled-subject = The visit of { $date } is cancelled
family-notice-cancelled-body = Hello, the visit of { $children } on { $date } is cancelled: { $reason }. We will tell you the next date. Questions: { $phone }. Itinérances, Red Cross
family-notice-cannot_come-subject = { $children } cannot come on { $date }
family-notice-cannot_come-body = The family says they cannot come to the visit of { $date }: { $reason }. Call them: { $phone }.
family-email = E-mail
family-email-hint = Notices about visits are sent here; leave empty to tell them by phone.
family-link-open = Family link
family-link-title = Family link
family-link-explain = A link for this family to see the next visits on their phone, without an account, in their language. Send it by text message or e-mail, or print it with its QR code. A new link replaces the old one.
family-link-loading = Loading the links…
family-link-none = No link given yet.
family-link-col-created = Given on
family-link-col-state = State
family-link-col-views = Opened
family-link-col-action = Action
family-link-views = { $count ->
    [one] once
   *[other] { $count } times
}
family-link-revoke = Stop this link
family-link-replace-warning = The link given before stops working when you make a new one.
family-link-replace = Make a new link
family-link-create = Make a link
family-link-created = The link is ready. It is shown only now: send it or print it.
family-link-address = Link
family-link-sms = Send by text message
family-link-email = Send by e-mail
family-link-qr = QR code of the family link
family-link-print-hint = To give it on paper, print this page (Ctrl+P): the message and the QR code are printed.
family-link-state-active = Works
family-link-state-revoked = Stopped
family-link-state-ended = Ended: no valid visit right
office-nav-notices = Families' notices
notices-explain = What families were told about their visits and how, and what they told you.
notices-loading = Loading the notices…
notices-todo = { $count ->
    [0] Nothing to do
    [one] 1 to do
   *[other] { $count } to do
}
notices-todo-none = Every family has been told.
notices-history = Sent and done
notices-none = Nothing yet.
notices-col-when = When
notices-col-family = Family
notices-col-what = What
notices-col-how = How
notices-col-status = State
notices-col-action = Action
notices-failed = Not sent ({ $attempts } tries): { $error }. It will be tried again.
notices-sms = Text message ready
notices-told = Told
notices-acted = Done
notice-kind-planned = Visit planned
notice-kind-moved = Visit moved
notice-kind-cancelled = Visit cancelled
notice-kind-cannot_come = The family cannot come
notice-status-queued = Waiting to be sent
notice-status-sent = Sent
notice-status-failed = Failed
notice-status-to_tell = To tell by phone or text message
notice-status-to_act = To act on
notice-status-done = Done
notice-channel-email = E-mail
notice-channel-phone = Phone or text message
notice-channel-office = From the family
