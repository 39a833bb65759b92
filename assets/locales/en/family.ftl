## Families: their link and the notices, in the coordinators' workspace
# Family texts never call the parent a detainee, and show no prison rule.
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
