# Itinérances: the volunteer's screens, in English.
# Plain words, short sentences. Never call the parent a "detainee".

and = and
nav-trips = My trips
nav-settings = Settings
back-to-trips = Back to my trips
not-on-device = This is not on this phone (any more). Sync, or ask your coordinator.
prison-unknown = Prison not known on this phone

# Days and months
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

language-fr = French
language-nl = Dutch
language-en = English
language-de = German
language-self = English

# Sync bar
sync-online = Online
sync-offline = No network
sync-not-yet = Not synced yet
sync-all-sent = everything is sent
sync-pending = { $count ->
    [one] 1 change waiting to be sent
   *[other] { $count } changes waiting to be sent
}
sync-last = Last sync: { $when }
sync-never = Never synced
sync-now = Sync now
sync-running = Syncing…
sync-problem = Sync did not work: { $reason }
rejected-step = Not accepted: “{ $step }”
rejected-report = Not accepted: your report
rejected-other = Not accepted: a change from this phone
rejected-forbidden = This trip is no longer yours. Call your coordinator.
rejected-not-found = This trip no longer exists. Call your coordinator.
rejected-invalid = Something in it was not right. Check it and enter it again.
rejected-superseded = Someone changed it after you: their newer version is kept and shown.
rejected-dismiss = I understand

# Enroll
enroll-title = Connect this phone
enroll-intro = Enter the server address and the code your coordinator gave you.
signed-out-revoked = This device was signed out by your coordinator, and what it held was removed from it. Ask for a new code to use it again.
signed-out-expired = This device had not synced for a long time, so it was signed out and what it held was removed from it. Ask your coordinator for a new code.
enroll-server = Server address
enroll-code = Code
enroll-submit = Connect
enroll-busy = Connecting…
enroll-code-missing = Enter the code your coordinator gave you.
enroll-bad-address = This server address is not right. It starts with https://
enroll-offline = The server cannot be reached. Check the address and your network.
enroll-invalid-code = This code is not right. Check it, or ask your coordinator for a new one.
enroll-expired-code = This code is too old. Ask your coordinator for a new one.
enroll-used-code = This code was already used. Ask your coordinator for a new one.
enroll-refused = The server said no. Ask your coordinator.
enroll-too-many = Too many wrong codes were typed from this network. Wait ten minutes, then type the code again carefully.
enroll-protocol = The server's answer could not be read. Check the address.
enroll-store = This phone could not save the connection. Restart the app and try again.

# Trips
trips-title = My trips
trips-today = Today, { $date }
trips-none-today = No trip today.
trips-none-upcoming = No other trip planned.
trips-show-later = { $count ->
    [one] Show the next trip
   *[other] Show later trips ({ $count })
}
card-meet = Meet at { $time } · { $place }
card-next = Next: { $step }
card-done = Trip done
card-cancelled = Cancelled: { $reason }
card-changed = Changed

# Trip detail
detail-timeline = The day
timeline-meet = Meet the child
timeline-leave = Leave by
timeline-door = At the prison door by
timeline-visit = Visit
timeline-return = Back around
detail-open-log = Start the trip
detail-open-sheet = Prison sheet
detail-children = Children
child-age = { $age ->
    [one] 1 year old
   *[other] { $age } years old
}
child-needs = To know:
detail-pickup = Pick-up
detail-call = Call { $phone }
detail-map-app = Open in my map app
detail-osm = Route on OpenStreetMap

warning-missing_record = Some information about this trip is missing on this phone. Sync, or call your coordinator.
warning-infeasible_timing = The meeting time is { $minutes } minutes too late to reach the prison in time. Call your coordinator.
warning-no_visit_right = There is no visit permission for a child on that day. Call your coordinator.
warning-visit_forbidden = Visits are not allowed for a child. Call your coordinator.
warning-visit_right_expired = The visit permission has ended. Call your coordinator.
warning-volunteer_double_booked = You have another trip at the same time.
warning-volunteer_absent = You said you are away on that day.
warning-volunteer_outside_availability = This trip is outside your usual free times.
warning-prison_disrupted-strike = Strike at the prison: this visit may not take place. Call before you leave.
warning-prison_disrupted-lockdown = The prison is closed to visits at that time. Call before you leave.
warning-prison_disrupted-normal = The prison announces a problem. Call before you leave.
warning-parent_not_in_that_prison = The parent has moved to another prison. Call your coordinator.
warning-parent_released = The parent left prison on { $date }. Call your coordinator.
warning-no_volunteer = No volunteer is set for this trip yet.
warning-room_not_in_prison = The visit room does not match the prison. Call your coordinator.
warning-needs_car = By bus or train this takes about { $minutes } minutes each way. A car is better.
warning-newcomer_alone = This is your first trip with these children. Ask your coordinator what to know about them.

# Prison sheet
example-content = Example content: these are not the real rules of this prison. Check with the prison before you go.
status-strike = Strike
status-lockdown = Closed to visits
status-from-until = From { $from } to { $until }
status-until = Until { $until }
status-from = From { $from }
status-child-visits-kept = Children's visits still take place.
status-child-visits-cancelled = Children's visits do not take place.
sheet-entrance = Visitor entrance
sheet-arrive-early = Be at the door { $minutes } minutes before the visit.
sheet-checklist = Before you go in
sheet-checklist-done = All ready. Good visit!
sheet-check-locker = Phone and bags in the locker
sheet-documents-adult = Papers for you
sheet-documents-child = Papers for the child
sheet-lockers = Lockers
sheet-allowed = The child may bring
sheet-forbidden = Not allowed inside
sheet-rooms = Visit rooms
sheet-no-rooms = No visit room described yet.
sheet-last-checked = Checked on { $date } by { $by }
room-parloir = Visit room
room-family_room = Family room
room-cabin = Closed cabin
room-family_unit = Family flat
equipment-changing_mat = Changing mat
equipment-spare_nappies = Spare nappies
equipment-toys = Toys
equipment-toilets = Toilets
equipment-bottle_warming = Bottle warmer
equipment-missing = not there

# Trip log
step-do-picked_up = I have the children
step-do-arrived = We are at the prison
step-do-entered = We are inside
step-do-visit_started = The visit starts
step-do-visit_ended = The visit is over
step-do-returned = The children are back home
step-do-cancelled = Cancel the trip
step-done-picked_up = Children picked up
step-done-arrived = Arrived at the prison
step-done-entered = Went in
step-done-visit_started = Visit started
step-done-visit_ended = Visit ended
step-done-returned = Children back home
step-done-cancelled = Trip cancelled
log-held = “{ $step }”: saved in { $seconds } seconds.
log-undo = Undo
log-saved = “{ $step }”: saved on this phone.
log-steps = Steps
log-all-done = All steps done. Thank you!
log-write-report = Write the report
cancel-open = The trip cannot take place
cancel-title = Why is the trip cancelled?
cancel-strike = Strike at the prison
cancel-lockdown = Prison closed to visits
cancel-refused_at_door = Refused at the door
cancel-parent_transferred = The parent moved to another prison
cancel-parent_released = The parent left prison
cancel-child_ill = The child is ill
cancel-guardian_withdrew = The family said no
cancel-other = Other reason
cancel-note = A few words (needed for “Other reason”)
cancel-pick-reason = Choose a reason.
cancel-say-why = Say in a few words why.
cancel-confirm = Cancel the trip
cancel-keep = Keep the trip

# Report
report-title = Report
report-mood-before = How was the child before the visit?
report-mood-after = How was the child after the visit?
report-contact = How were parent and child together?
mood-calm = Calm
mood-happy = Happy
mood-worried = Worried
mood-sad = Sad
mood-upset = Upset
contact-warm = Warm
contact-neutral = Neutral
contact-distant = Distant
contact-difficult = Difficult
report-incidents = Anything that happened (optional)
report-km = Kilometres driven
report-km-invalid = Enter the kilometres as a number, for example 48.
report-text = Other remarks (optional)
report-pick-all = Choose an answer for each question.
report-submit = Save the report
report-saved = Report saved on this phone.

# Settings
settings-title = Settings
settings-language = Language
settings-language-device = Same as this phone
settings-device = This phone
settings-enrolled-as = Connected as { $name } to { $server }
settings-leave = Disconnect this phone
settings-leave-warning = This erases all trips and children from this phone.
settings-leave-pending = { $count ->
    [one] 1 change was not sent yet and will be lost.
   *[other] { $count } changes were not sent yet and will be lost.
}
settings-leave-confirm = Yes, erase and disconnect
settings-leave-keep = No, keep everything

## The coordinators' workspace
office-title = Coordination
office-menu = Workspace menu
office-nav-home = Overview
office-nav-children = Children
office-nav-devices = Devices and access
office-offline = The server cannot be reached. This needs the network: try again when you are connected.
office-loading = Opening the workspace…
office-load-failed = The workspace could not be loaded. Check the connection and reload the page.
home-children = { $count ->
    [one] 1 child
   *[other] { $count } children
}
home-volunteers = { $count ->
    [one] 1 volunteer
   *[other] { $count } volunteers
}
home-prisons = { $count ->
    [one] 1 prison
   *[other] { $count } prisons
}
home-trips-coming = { $count ->
    [one] 1 trip in the next 30 days
   *[other] { $count } trips in the next 30 days
}
home-trips-open = { $count ->
    [0] Every trip has a volunteer
    [one] 1 trip without a volunteer
   *[other] { $count } trips without a volunteer
}
home-rights-expiring = { $count ->
    [0] No visit right ends in the next 30 days
    [one] 1 child with a visit right ending soon
   *[other] { $count } children with a visit right ending soon
}
children-title = Children
children-search = Search (first name, family, address)
children-count = { $count ->
    [one] 1 child
   *[other] { $count } children
}
children-none = No child matches this search.
children-col-name = First name
children-col-age = Age
children-col-family = Family
children-col-rights = Visit rights
children-rights-look = To check
children-rights-ok = In order
children-back = Back to the children
child-born = Born in { $year } · { $age } years old this year
child-family = Family
child-pickup = Pick-up:
child-rights = Visit rights
child-rights-none = No visit right and no trip recorded for this child.
child-with-parent = With { $name }
child-rights-missing = No decision is recorded for visits to { $name }.
child-rights-none-valid = No decision allows visits today, yet { $count ->
    [one] 1 trip is planned
   *[other] { $count } trips are planned
}.
child-next-trips = Next trips
child-no-trips = No trip planned.
child-not-found = This child is not in the records (any more).
trip-no-volunteer = no volunteer yet
right-forbidden = Visits forbidden
right-not-yet = Valid from { $date }
right-expired = Ended on { $date }
right-expiring = Ends soon, on { $date }
right-valid-until = Valid until { $date }
right-valid = Valid, no end date
right-supervised = supervised
decided-by-youth_aid_service = youth-aid service
decided-by-youth_court = youth court
decided-by-family_court = family court
decided-by-agreement = agreement of all parties
rhythm-week = { $count ->
    [one] once a week
   *[other] { $count } times a week
}
rhythm-month = { $count ->
    [one] once a month
   *[other] { $count } times a month
}
rhythm-quarter = { $count ->
    [one] once a quarter
   *[other] { $count } times a quarter
}
guardian-parent = parent
guardian-grandparent = grandparent
guardian-other_relative = relative
guardian-foster_family = foster family
guardian-institution = institution
code-new = A new access code
code-role = For
code-role-volunteer = a volunteer
code-role-coordinator = a coordinator
code-volunteer = Volunteer
code-volunteer-pick = Choose the volunteer
code-person = Name of the person
code-create = Create the code
code-error-volunteer = Choose the volunteer this code is for.
code-error-name = Give the name of the person this code is for.
code-created = Code for { $name }, valid until { $date }. Give it now: it will not be shown again.
code-qr = QR code to scan with the phone's camera
code-link = Link to scan, or to paste in the app's enroll screen
devices-list = Enrolled devices
devices-loading = Loading the devices…
device-col-person = Person
device-col-name = Device
device-col-last = Last sync
device-col-refused = Refused changes
device-col-access = Access
device-never = never
device-revoked = Removed on { $date }
device-this-one = This device
device-revoke = Remove access
device-revoke-confirm = Remove the access of "{ $name }"? What it holds is wiped at its next connection.
device-revoke-yes = Yes, remove
device-revoke-no = Cancel
not-found-title = Nothing here
not-found-text = There is nothing at this address. It may have changed: start again from the home screen.
not-found-back = Back to the home screen

## Records: forms
form-pick = — choose —
form-required = Fill this in.
form-birth-year = Enter the year of birth, for example 2018.
form-pick-family = Choose the family, or enter a new one first.
form-pick-parent = Choose the parent.
form-first-name = First name
form-last-name = Surname
form-last-name-hint = Seen by coordinators only, never on volunteers' phones.
form-birth-year-label = Year of birth
form-language = Language
form-needs = What the volunteer must know
form-needs-hint = Comfort object, allergy, fear of dogs… Seen by the volunteer who comes.
form-family = Family
form-new-family = New family
form-save = Save
form-cancel = Cancel
form-coordinate = Enter a number like 50.8466 (latitude) or 4.3528 (longitude).
form-visits = Enter a number of visits from 1 to 31.
form-date = Enter a date.
form-until-before-from = The end comes before the start.
archived = archived
children-new = New child
children-show-archived = Show archived children too
child-new-title = New child
child-edit-title = Correct the child's record
child-edit = Correct
child-add-right = Add a visit right
child-archive = Archive
child-archive-confirm = Archive this child? The file stays, hidden from the lists.
child-archive-yes = Yes, archive
child-unarchive = Take out of the archive
family-new-title = New family
family-edit-title = Correct the family
family-edit = correct
family-not-found = This family is not in the records (any more).
family-name = How the volunteer addresses them
family-name-hint = "Mrs Dupont", "Home Les Tilleuls"…
family-kind = Who they are for the children
family-phone = Phone
family-address = Where the children are picked up
family-address-hint = As the volunteer will read it: street, number, town, landmark.
family-lat = Latitude
family-lon = Longitude
family-coordinates-hint = Coordinates of the pickup place, from a map (for example 50.8466 and 4.3528 in Brussels).
right-new-title = A visit right
right-form-parent = With which parent
right-form-decision = Decision
right-form-allowed = Visits allowed
right-form-forbidden = Visits forbidden
right-form-by = Decided by
right-form-visits = Number of visits
right-form-per = Per
right-form-per-week = week
right-form-per-month = month
right-form-per-quarter = quarter
right-form-from = Valid from
right-form-until = Valid until
right-form-until-hint = Leave empty when the decision has no end date.
right-form-supervised = Supervised (a third party is present)
right-form-collective = Collective visit (several families in one room)
right-form-reference = Reference of the decision
right-form-reference-hint = File number, date of the judgment…
office-nav-volunteers = Volunteers
volunteers-title = Volunteers
volunteers-new = New volunteer
volunteers-search = Search by name
volunteers-show-archived = Show archived volunteers too
volunteers-col-name = Name
volunteers-col-car = Car
volunteers-col-languages = Languages
volunteers-col-free = Usually free
volunteer-car-yes = yes
volunteer-car-no = no
volunteer-free-ask = to ask
volunteer-newcomer-tag = new
volunteer-new-title = New volunteer
volunteer-edit-title = Correct the volunteer
volunteer-not-found = This volunteer is not in the records (any more).
volunteer-home-hint = Where the volunteer usually starts from, approximately (for example 50.8466 and 4.3528 in Brussels).
volunteer-has-car = Has a car for the trips
volunteer-newcomer = New to the network: not yet alone with a child
volunteer-week = Usually free
volunteer-week-error = Give each free day a start and an end time, the end after the start.
volunteer-from = from
volunteer-until = until
volunteer-absences = Away (holidays, illness)
volunteer-away-from = Away from
volunteer-away-until = until
volunteer-add-absence = Add an absence
volunteer-absence-error = Give each absence a first and a last day, the last one after the first.
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
office-nav-parents = Parents
parents-title = Parents
parents-new = New parent
parents-col-prison = Prison
parents-col-transfers = Transfers
parents-col-release = Release date (when known)
parent-new-title = New parent
parent-edit-title = Correct the parent
parent-not-found = This parent is not in the records (any more).
parent-release-hint = Leave empty when it is not known.
parent-transfer = Transfers
parent-moved-to = Transferred to
parent-moved-on = On
parent-transfer-error = For a transfer, choose another prison and give its date.
form-pick-prison = Choose the prison.
sheet-not-translated = This sheet is not translated into English yet: here it is in { $language }.
office-nav-prisons = Prisons
prisons-title = Prisons
prisons-back = Back to the prisons
prisons-col-status = Status
prisons-col-checked = Last checked
prisons-col-languages = Sheet readable in
prisons-checked-by = { $date }, by { $by }
prison-status-normal = Normal
prison-status-strike = Strike
prison-status-lockdown = Lockdown
prison-not-found = This prison is not in the records (any more).
prison-checked-today = Checked today
prison-from = From
prison-until = Until (included)
prison-note = What is known (shown to volunteers)
prison-kept = During the strike, children's visits are kept
prison-lead = Be at the door this many minutes early
prison-lead-error = Enter a number of minutes from 0 to 240.
prison-hours = Visiting hours (when visits can be planned)
prison-texts-in = The sheet in { $language }
prison-one-per-line = One per line.
prison-saved = Saved on this device; sent at the next sync.
prisons-new = New prison
prison-new-title = New prison
prison-identity = The prison
prison-name-hint = As volunteers know it, for example "Haren prison".
prison-town = Town
prison-address = Address
prison-coordinates-hint = Coordinates of the visitors' entrance, from a map (for example 50.8466 and 4.3528 in Brussels).
room-add = Add a visit room
room-new = New visit room
room-name = Name of the room
room-kind = Kind of room
room-equipment = For small children
room-notes = Good to know
room-notes-hint = What the volunteer should know about this room (shown on the sheet).
room-save = Save the room
leave-question = This form has changes that are not saved yet. Leave without saving them?
leave-stay = Stay on the form
leave-go = Leave without saving
import-title = Import from a spreadsheet
import-intro = Copy the rows of your spreadsheet (or open a CSV file and copy its text) and paste them below. Nothing is saved until every row is right.
import-columns = Columns, in this order: { $columns }.
import-paste = Rows to import
import-ready = { $count ->
    [one] 1 volunteer ready to import.
   *[other] { $count } volunteers ready to import.
}
import-wrong = { $count ->
    [one] 1 row to correct first: nothing is saved until it is right.
   *[other] { $count } rows to correct first: nothing is saved until they are right.
}
import-line = Line
import-problems = To correct
import-do = { $count ->
    [one] Import 1 volunteer
   *[other] Import { $count } volunteers
}
import-col-name = name
import-col-phone = phone
import-col-lat = latitude
import-col-lon = longitude
import-col-car = car (yes/no)
import-col-languages = languages (fr nl en de)
import-col-newcomer = new (yes/no)
import-missing = missing
import-not-a-coordinate = not a coordinate (like 50.8466)
import-not-yes-no = write yes or no
import-unknown-language = unknown language: use fr, nl, en or de
import-too-long = a text is too long
import-families-title = Import families from a spreadsheet
import-families-hint = One row per child. Brothers and sisters of one family (same name and phone) are brought together; a parent in the same prison is entered once. The last four columns (the decision) may stay empty: the child's file will say it is missing.
import-families-ready = { $count ->
    [one] 1 child ready to import
   *[other] { $count } children ready to import
}, with { $families ->
    [0] no new family
    [one] 1 new family
   *[other] { $families } new families
} and { $parents ->
    [0] no new parent.
    [one] 1 new parent.
   *[other] { $parents } new parents.
}
import-families-do = { $count ->
    [one] Import 1 child
   *[other] Import { $count } children
}
import-col-family = family (as the volunteer addresses them)
import-col-family-kind = who (mother, grandmother, foster family, institution…)
import-col-family-language = the family's language
import-col-address = address where the child is picked up
import-col-child-first = child's first name
import-col-child-last = child's surname
import-col-born = year of birth
import-col-child-language = child's language
import-col-parent-first = parent's first name
import-col-parent-last = parent's surname
import-col-prison = prison (name or town)
import-col-visits = visits (2 / month, 1 / week, forbidden)
import-col-decided-by = decided by (youth aid, youth court, family court, agreement)
import-col-valid-from = valid from (2026-09-01)
import-col-reference = reference of the decision
import-col-child = Child
import-col-parent = Parent
import-col-right = Decision
import-no-right = to enter on the child's file
import-unknown-kind = write who: mother, father, grandmother, family, foster family or institution
import-one-language = only one language here
import-not-a-year = not a year of birth (like 2018)
import-unknown-prison = no prison of that name or town in the records
import-several-prisons = several prisons match: write the full name
import-not-visits = write a number per week, per month or per quarter (2 / month), or "forbidden"
import-unknown-decider = write youth aid, youth court, family court or agreement
import-not-a-date = not a date (like 2026-09-01)
import-family-differs = the same family has another address on a row above
import-child-known = this child is already in the records
import-child-twice = this child is already on a row above

# Opening the store (browser)
app-opening = Opening this device's data…
store-not-kept = This browser does not keep the app's data: everything you do here is forgotten when the tab closes. Open the app in a normal window (not a private one), at its https address.

## Today, live
office-nav-today = Today
today-title = Today
today-summary = { $trips ->
    [0] No trips today.
    [one] 1 trip today
   *[other] { $trips } trips today
}: { $under_way } under way, { $done } done, { $cancelled } cancelled.
today-late-count = { $count ->
    [one] 1 late.
   *[other] { $count } late.
}
today-open-count = { $count ->
    [one] 1 without a volunteer.
   *[other] { $count } without a volunteer.
}
today-live = This screen follows by itself: each step logged on a phone shows here within a second.
today-none = No trips are planned today.
today-col-meet = Meeting → back
today-col-children = Children
today-col-volunteer = Volunteer
today-col-stage = Where it stands
today-col-report = Report
today-no-volunteer = no volunteer
today-stage-not_started = not started
today-stage-picked_up = children picked up
today-stage-at_prison = at the prison
today-stage-in_visit = in the visit
today-stage-returning = on the way back
today-stage-done = done
today-stage-cancelled = cancelled
today-late = Late: "{ $step }" expected around { $time }.
today-last-news = Last news at { $time }.
today-no-news = No news yet.
today-report = { $km } km · the child afterwards: { $mood }

## Disruptions: the trips to review
review-title-prison = { $count ->
    [one] 1 coming trip falls in this period
   *[other] { $count } coming trips fall in this period
}
review-intro-prison = Cancel them (the volunteer and the family learn it at their next sync, and the visit counts as owed), keep them, or move them to another day at the same times.
review-title-parent = { $count ->
    [one] 1 coming trip no longer fits
   *[other] { $count } coming trips no longer fit
}
review-intro-parent = After a transfer or a release, these trips are still planned to the former prison or after the release date: cancel or move them.
review-cancel-all = { $count ->
    [one] Cancel this trip
   *[other] Cancel the { $count } trips
}
review-col-when = When
review-col-why = Reason
review-col-decide = Decide
review-cancel = Cancel
review-move-to = Move to
review-move = Move
review-keep = A trip you keep stays as it is.
