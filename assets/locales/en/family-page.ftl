## Families' own pages, calendar and notices (written by the server only:
## these words stay out of the apps)
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
