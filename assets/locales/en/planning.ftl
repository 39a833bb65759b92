## Planning: calendar, trips, the month plan, assigning, disruptions, today live

## A trip's page
trip-page-new = New trip
trip-page-title = Trip of { $date }
trip-page-missing = This trip is not on this device. Sync, or go back to the board of the day.
trip-page-open = Open the trip
trip-page-new-link = New trip
trip-form-children = Children
trip-form-children-hint = Siblings may go together.
trip-form-parent = Parent visited
trip-form-prison = Prison
trip-form-room = Visit room
trip-form-room-none = Not set yet
trip-form-day = Day of the visit
trip-form-slot = Visiting slot
trip-form-no-slots = This prison has no visiting hours yet: add them on the prison's page first.
trip-form-pickup = Pickup at
trip-form-travel = Travel
trip-form-car = By car
trip-form-public-transport = By bus or train
trip-form-meet = Meeting time agreed with the family
trip-form-meet-hint = Leave empty: the plan works it out from the travel time.
trip-form-meet-invalid = Enter a time such as 12:45.
trip-form-meet-before = The meeting must be before the visit starts.
trip-form-minutes = Travel time known from experience (minutes)
trip-form-minutes-hint = Leave empty: the plan estimates it from the distance.
trip-form-minutes-invalid = Enter a number of minutes between 1 and 720.
trip-form-pick-children = Choose at least one child.
trip-form-pick-slot = Choose a visiting slot.
trip-form-pick-pickup = Choose where the children are picked up.
trip-form-slot-weekday = This slot is on { $weekday }: choose a { $weekday } or another slot.
trip-form-saved = Saved. It reaches the volunteer's phone at the next sync.
trip-forbidden = A decision forbids visits between { $child } and this parent on that day: this trip cannot be saved. Remove { $child } from the trip, or choose another day.
trip-timeline = Timeline
trip-timeline-missing = Choose the children, the parent, the prison, a day and a slot to see the timeline.
trip-warnings = Warnings
trip-warnings-none = No warning for this trip.

## Assigning
trip-assign-title = Who can go
trip-assign-current = Going: { $name }
trip-assign-nobody = No volunteer yet.
trip-assign = Assign
trip-assign-save-first = Save the trip first, then choose who goes.
trip-assign-none = No volunteer recorded yet.
trip-assign-score = { $score } points
suggest-reason-continuity = Already went with these children ({ $made ->
        [one] 1 trip made
       *[other] { $made } trips made
    }, { $planned } planned)
suggest-reason-free_at_that_time = Free at that time
suggest-reason-availability_unknown = Gave no usual free times: ask first
suggest-reason-outside_usual_slots = Outside their usual free times
suggest-reason-absent = Away on that day
suggest-reason-double_booked = Already on another trip at that time
suggest-reason-speaks_language = Speaks { $language }
suggest-reason-no_common_language = Does not speak { $language }
suggest-reason-has_car_for_long_trip = Has a car, useful for this long trip
suggest-reason-no_car_for_long_trip = No car: about { $minutes } minutes each way by bus or train
suggest-reason-distance_to_pickup = Lives { $km } km from the pickup place
suggest-reason-newcomer_first_time = New volunteer, never with these children: better not alone
office-nav-assign = Assign the month
assign-title = Assign the month
assign-lead = Trips of { $month } without a volunteer, each with the best free volunteer; a child keeps the same person when that person is free.
assign-previous = Previous month
assign-next = Next month
assign-none = Every trip of this month has a volunteer.
assign-col-trip = Trip
assign-col-children = Children
assign-col-proposed = Proposed volunteer
assign-nobody = Nobody is free at that time
assign-same-person = same person as for this child
assign-all = Assign them all ({ $count })
assign-done = { $count } trips assigned. They reach the volunteers' phones at the next sync.
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
plan-col-move = Move to
plan-move-row = Move the visit of { $children } on { $date } to
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

## The calendar
office-nav-calendar = Calendar
calendar-title = Calendar of trips
calendar-view = Show by
calendar-view-month = Month
calendar-view-week = Week
calendar-previous = Previous
calendar-next = Next
calendar-today = Today
calendar-week-of = Week of { $date }
calendar-filter-prison = Prison
calendar-filter-volunteer = Volunteer
calendar-filter-child = Child
calendar-filter-status = Status
calendar-all = All
calendar-status-planned = Planned, no volunteer yet
calendar-status-assigned = Volunteer assigned
calendar-status-done = Done
calendar-status-cancelled = Cancelled
calendar-count = { $count ->
    [one] 1 trip shown.
   *[other] { $count } trips shown.
}
calendar-open-count = { $count ->
    [one] 1 without a volunteer.
   *[other] { $count } without a volunteer.
}
calendar-warned-count = { $count ->
    [one] 1 with something to check.
   *[other] { $count } with something to check.
}
calendar-hour = Hour
calendar-none = No trip in these days.
calendar-open-day = See the trips of { $date }
calendar-day-title = Trips of { $date }
calendar-day-none = No trip that day.
calendar-no-volunteer = no volunteer
calendar-warnings = { $count ->
    [one] 1 thing to check
   *[other] { $count } things to check
}

## A series: one family's regular visits to one parent
trip-series-title = Regular visits
trip-series-lead = { $count ->
    [one] One later visit of this family to this parent is planned:
   *[other] { $count } later visits of this family to this parent are planned:
}
trip-series-none = No later visit of this family to this parent is planned yet.
trip-series-more = and { $count } more
trip-series-scope = Apply the change to
trip-series-scope-one = this visit only ({ $date })
trip-series-scope-later = { $count ->
    [one] this visit and the later one
   *[other] this visit and the { $count } later ones
}
trip-series-parent-changed = With another parent, this visit leaves the family's regular visits: the later ones stay as they are.
trip-series-done = { $count ->
    [0] No later visit changed.
    [one] The later visit changed too.
   *[other] { $count } later visits changed too.
}
trip-series-left = Left as it was, { $date }: { $why }
trip-series-left-forbidden = a decision forbids { $child }'s visit that day.
trip-series-left-no-child = no child would be left on that visit.
trip-cancel-title = Cancel this visit
trip-cancel-later = { $count ->
    [one] Cancel the later visit of this family too
   *[other] Cancel the { $count } later visits of this family too
}
trip-cancel-done = This visit is cancelled: { $reason }. The volunteer's phone and the family's page show it at their next sync.
trip-cancel-later-done = { $count ->
    [one] The later visit is cancelled too.
   *[other] The { $count } later visits are cancelled too.
}
trip-cancel-begun = This visit has begun: follow it on the board of the day.

## The board of the day: phones not heard from
today-silent-count = { $count ->
    [one] 1 phone not heard from.
   *[other] { $count } phones not heard from.
}
today-phone-silent = Phone last heard from at { $time }
today-phone-never = No news from the phone yet

## Warnings as the workspace words them (the phone's words are in main.ftl)
office-warning-missing_record = A record this trip points to is missing: check the children, the parent, the prison and the volunteer.
office-warning-infeasible_timing = The meeting time is { $minutes } minutes too late to reach the prison in time: set an earlier meeting time.
office-warning-no_visit_right = No visit right covers a child on that day: check the child's visit rights.
office-warning-visit_forbidden = A decision forbids visits for a child with this parent.
office-warning-visit_right_expired = A child's visit right has ended: check the child's visit rights.
office-warning-volunteer_double_booked = The volunteer is already on another trip at that time.
office-warning-volunteer_absent = The volunteer said they are away on that day.
office-warning-volunteer_outside_availability = The trip is outside the volunteer's usual free times: ask them first.
office-warning-prison_disrupted-strike = Strike at the prison: this visit may not take place.
office-warning-prison_disrupted-lockdown = The prison is closed to visits at that time.
office-warning-prison_disrupted-normal = The prison announces a problem.
office-warning-parent_not_in_that_prison = The parent is held in another prison on that day.
office-warning-parent_released = The parent left prison on { $date }.
office-warning-no_volunteer = No volunteer is assigned yet.
office-warning-room_not_in_prison = The visit room belongs to another prison.
office-warning-needs_car = By bus or train this takes about { $minutes } minutes each way: a volunteer with a car is better.
office-warning-newcomer_alone = A new volunteer goes alone with these children for the first time: plan a companion or a call before.
