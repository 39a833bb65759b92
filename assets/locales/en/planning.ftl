## Planning: calendar, trips, the month plan, assigning, disruptions, today live

## Plan a month
office-nav-plan = Plan a month
plan-title = Plan a month
plan-intro = The visits each child's visit rights ask for this month, in the prisons' visiting hours, away from known strikes and closures. Brothers and sisters go together. Visits owed after a cancellation come first.
plan-previous = Previous month
plan-next = Next month
plan-none = Nothing to propose for this month: the visits the rights ask for are already planned.
plan-count = Visits proposed: { $count }, of which catch-ups: { $catchups }. Untick a row to leave it out.
plan-col-keep = Keep
plan-col-date = Date
plan-col-time = Time
plan-col-children = Children
plan-col-parent = Parent
plan-col-prison = Prison
plan-col-catchup = Catch-up
plan-col-warnings = To check
plan-catchup-mark = Catch-up
plan-keep-row = Keep the visit of { $children } on { $date }
plan-accept = { $count ->
    [one] Accept 1 visit
   *[other] Accept { $count } visits
}
plan-saved = { $count ->
    [one] 1 visit added to the calendar, without a volunteer yet.
   *[other] { $count } visits added to the calendar, without a volunteer yet.
}
plan-save-failed = Not every visit could be saved ({ $error }). The ones saved are in the calendar; plan the month again to see what is left.
