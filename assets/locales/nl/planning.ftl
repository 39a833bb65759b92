## Planning: calendar, trips, the month plan, assigning, disruptions, today live

## A trip's page
trip-page-new = Nieuwe rit
trip-page-title = Rit van { $date }
trip-page-missing = Deze rit staat niet op dit toestel. Synchroniseer, of ga terug naar het overzicht van vandaag.
trip-page-open = Rit openen
trip-page-new-link = Nieuwe rit
trip-form-children = Kinderen
trip-form-children-hint = Broers en zussen mogen samen gaan.
trip-form-parent = Bezochte ouder
trip-form-prison = Gevangenis
trip-form-room = Bezoekzaal
trip-form-room-none = Nog niet gekozen
trip-form-day = Dag van het bezoek
trip-form-slot = Bezoekmoment
trip-form-no-slots = Deze gevangenis heeft nog geen bezoekuren: voeg ze eerst toe op de pagina van de gevangenis.
trip-form-pickup = Ophalen bij
trip-form-travel = Vervoer
trip-form-car = Met de auto
trip-form-public-transport = Met bus of trein
trip-form-meet = Afspraakuur met het gezin
trip-form-meet-hint = Laat leeg: de planning berekent het uit de reistijd.
trip-form-meet-invalid = Geef een uur zoals 12:45.
trip-form-meet-before = De afspraak moet vóór het begin van het bezoek zijn.
trip-form-minutes = Gekende reistijd (minuten)
trip-form-minutes-hint = Laat leeg: de planning schat ze uit de afstand.
trip-form-minutes-invalid = Geef een aantal minuten tussen 1 en 720.
trip-form-pick-children = Kies minstens één kind.
trip-form-pick-slot = Kies een bezoekmoment.
trip-form-pick-pickup = Kies waar de kinderen opgehaald worden.
trip-form-slot-weekday = Dit bezoekmoment valt op { $weekday }: kies een { $weekday } of een ander moment.
trip-form-saved = Bewaard. De gsm van de vrijwilliger krijgt het bij de volgende synchronisatie.
trip-forbidden = Een beslissing verbiedt bezoeken tussen { $child } en deze ouder op die dag: deze rit kan niet bewaard worden. Haal { $child } uit de rit, of kies een andere dag.
trip-timeline = Verloop
trip-timeline-missing = Kies de kinderen, de ouder, de gevangenis, een dag en een moment om het verloop te zien.
trip-warnings = Waarschuwingen
trip-warnings-none = Geen waarschuwing voor deze rit.

## Assigning
trip-assign-title = Wie kan gaan
trip-assign-current = Gaat: { $name }
trip-assign-nobody = Nog geen vrijwilliger.
trip-assign = Toewijzen
trip-assign-save-first = Bewaar eerst de rit, kies dan wie gaat.
trip-assign-none = Nog geen vrijwilligers.
trip-assign-score = { $score } punten
suggest-reason-continuity = Ging al mee met deze kinderen ({ $made ->
        [one] 1 rit gedaan
       *[other] { $made } ritten gedaan
    }, { $planned } gepland)
suggest-reason-free_at_that_time = Vrij op dat moment
suggest-reason-availability_unknown = Gaf geen vaste vrije momenten: eerst vragen
suggest-reason-outside_usual_slots = Buiten de gewone vrije momenten
suggest-reason-absent = Afwezig op die dag
suggest-reason-double_booked = Al op een andere rit op dat moment
suggest-reason-speaks_language = Spreekt { $language }
suggest-reason-no_common_language = Spreekt geen { $language }
suggest-reason-has_car_for_long_trip = Heeft een auto, handig voor deze lange rit
suggest-reason-no_car_for_long_trip = Geen auto: ongeveer { $minutes } minuten per richting met bus of trein
suggest-reason-distance_to_pickup = Woont op { $km } km van de ophaalplaats
suggest-reason-newcomer_first_time = Nieuwe vrijwilliger, nog nooit met deze kinderen: liever niet alleen
office-nav-assign = De maand toewijzen
assign-title = De maand toewijzen
assign-lead = Ritten van { $month } zonder vrijwilliger, elk met de beste vrije vrijwilliger; een kind houdt dezelfde persoon als die vrij is.
assign-previous = Vorige maand
assign-next = Volgende maand
assign-none = Elke rit van deze maand heeft een vrijwilliger.
assign-col-trip = Rit
assign-col-children = Kinderen
assign-col-proposed = Voorgestelde vrijwilliger
assign-nobody = Niemand is vrij op dat moment
assign-same-person = dezelfde persoon als voor dit kind
assign-all = Allemaal toewijzen ({ $count })
assign-done = { $count } ritten toegewezen. De gsm's van de vrijwilligers krijgen ze bij de volgende synchronisatie.
## Plan a month
office-nav-plan = Een maand plannen
plan-title = Een maand plannen
plan-intro = De bezoeken die het bezoekrecht van elk kind deze maand vraagt, binnen de bezoekuren van de gevangenissen, buiten gekende stakingen en sluitingen. Broers en zussen gaan samen. Bezoeken die nog tegoed zijn na een annulering komen eerst.
plan-previous = Vorige maand
plan-next = Volgende maand
plan-none = Niets voor te stellen deze maand: de bezoeken die de rechten vragen zijn al gepland.
plan-count = Voorgestelde bezoeken: { $count }, waarvan in te halen: { $catchups }. Vink een rij uit om ze weg te laten.
plan-col-keep = Houden
plan-col-date = Datum
plan-col-time = Uur
plan-col-children = Kinderen
plan-col-parent = Ouder
plan-col-prison = Gevangenis
plan-col-catchup = In te halen
plan-col-warnings = Na te kijken
plan-col-move = Verplaatsen naar
plan-move-row = Het bezoek van { $children } op { $date } verplaatsen naar
plan-catchup-mark = In te halen
plan-keep-row = Het bezoek van { $children } op { $date } houden
plan-accept = { $count ->
    [one] 1 bezoek aanvaarden
   *[other] { $count } bezoeken aanvaarden
}
plan-saved = { $count ->
    [one] 1 bezoek toegevoegd aan de kalender, nog zonder vrijwilliger.
   *[other] { $count } bezoeken toegevoegd aan de kalender, nog zonder vrijwilliger.
}
plan-save-failed = Niet alle bezoeken konden bewaard worden ({ $error }). De bewaarde staan in de kalender; plan de maand opnieuw om te zien wat overblijft.

## De kalender
office-nav-calendar = Kalender
calendar-title = Kalender van de ritten
calendar-view = Tonen per
calendar-view-month = Maand
calendar-view-week = Week
calendar-previous = Vorige
calendar-next = Volgende
calendar-today = Vandaag
calendar-week-of = Week van { $date }
calendar-filter-prison = Gevangenis
calendar-filter-volunteer = Vrijwilliger
calendar-filter-child = Kind
calendar-filter-status = Stand
calendar-all = Alle
calendar-status-planned = Gepland, nog zonder vrijwilliger
calendar-status-assigned = Vrijwilliger aangeduid
calendar-status-done = Gedaan
calendar-status-cancelled = Geannuleerd
calendar-count = { $count ->
    [one] 1 rit getoond.
   *[other] { $count } ritten getoond.
}
calendar-open-count = { $count ->
    [one] 1 zonder vrijwilliger.
   *[other] { $count } zonder vrijwilliger.
}
calendar-warned-count = { $count ->
    [one] 1 met iets om na te kijken.
   *[other] { $count } met iets om na te kijken.
}
calendar-hour = Uur
calendar-none = Geen rit op deze dagen.
calendar-open-day = De ritten van { $date } bekijken
calendar-day-title = Ritten van { $date }
calendar-day-none = Geen rit die dag.
calendar-no-volunteer = geen vrijwilliger
calendar-warnings = { $count ->
    [one] 1 punt om na te kijken
   *[other] { $count } punten om na te kijken
}

## Een reeks: de vaste bezoeken van een gezin aan een ouder
trip-series-title = Vaste bezoeken
trip-series-lead = { $count ->
    [one] Er is nog een later bezoek van dit gezin aan deze ouder gepland:
   *[other] Er zijn nog { $count } latere bezoeken van dit gezin aan deze ouder gepland:
}
trip-series-none = Er is nog geen later bezoek van dit gezin aan deze ouder gepland.
trip-series-more = en nog { $count }
trip-series-scope = Pas de wijziging toe op
trip-series-scope-one = alleen dit bezoek ({ $date })
trip-series-scope-later = { $count ->
    [one] dit bezoek en het volgende
   *[other] dit bezoek en de { $count } volgende
}
trip-series-parent-changed = Met een andere ouder hoort dit bezoek niet meer bij de vaste bezoeken van het gezin: de volgende blijven zoals ze zijn.
trip-series-done = { $count ->
    [0] Geen enkel later bezoek is gewijzigd.
    [one] Het volgende bezoek is ook gewijzigd.
   *[other] { $count } latere bezoeken zijn ook gewijzigd.
}
trip-series-left = Niet gewijzigd, { $date }: { $why }
trip-series-left-forbidden = een beslissing verbiedt het bezoek van { $child } op die dag.
trip-series-left-no-child = er zou geen kind meer overblijven voor dat bezoek.
trip-cancel-title = Dit bezoek annuleren
trip-cancel-later = { $count ->
    [one] Ook het volgende bezoek van dit gezin annuleren
   *[other] Ook de { $count } volgende bezoeken van dit gezin annuleren
}
trip-cancel-done = Dit bezoek is geannuleerd: { $reason }. De gsm van de vrijwilliger en de pagina van het gezin tonen het bij hun volgende synchronisatie.
trip-cancel-later-done = { $count ->
    [one] Het volgende bezoek is ook geannuleerd.
   *[other] De { $count } volgende bezoeken zijn ook geannuleerd.
}
trip-cancel-begun = Dit bezoek is begonnen: volg het op het overzicht van de dag.

## Het overzicht van de dag: gsm's zonder nieuws
today-silent-count = { $count ->
    [one] 1 gsm zonder nieuws.
   *[other] { $count } gsm's zonder nieuws.
}
today-phone-silent = Gsm zonder nieuws sinds { $time }
today-phone-never = Nog geen nieuws van de gsm

## Waarschuwingen zoals de coördinatie ze formuleert (die van de gsm staan in main.ftl)
office-warning-missing_record = Een fiche waarnaar deze rit verwijst ontbreekt: controleer de kinderen, de ouder, de gevangenis en de vrijwilliger.
office-warning-infeasible_timing = De afspraak is { $minutes } minuten te laat om op tijd in de gevangenis te zijn: vervroeg ze.
office-warning-no_visit_right = Geen bezoekrecht dekt een kind op die dag: controleer de bezoekrechten van het kind.
office-warning-visit_forbidden = Een beslissing verbiedt bezoeken van een kind aan deze ouder.
office-warning-visit_right_expired = Het bezoekrecht van een kind is afgelopen: controleer de bezoekrechten van het kind.
office-warning-volunteer_double_booked = De vrijwilliger heeft op dat moment al een andere rit.
office-warning-volunteer_absent = De vrijwilliger heeft gezegd die dag afwezig te zijn.
office-warning-volunteer_outside_availability = De rit valt buiten de gewone vrije momenten van de vrijwilliger: vraag het eerst.
office-warning-prison_disrupted-strike = Staking in de gevangenis: dit bezoek gaat misschien niet door.
office-warning-prison_disrupted-lockdown = De gevangenis is op dat moment gesloten voor bezoek.
office-warning-prison_disrupted-normal = De gevangenis meldt een probleem.
office-warning-parent_not_in_that_prison = De ouder zit op die dag in een andere gevangenis.
office-warning-parent_released = De ouder is op { $date } vrijgekomen.
office-warning-no_volunteer = Er is nog geen vrijwilliger aangeduid.
office-warning-room_not_in_prison = De bezoekruimte hoort bij een andere gevangenis.
office-warning-needs_car = Met bus of trein duurt het ongeveer { $minutes } minuten per rit: een vrijwilliger met een auto is beter.
office-warning-newcomer_alone = Een nieuwe vrijwilliger gaat voor het eerst alleen met deze kinderen: voorzie iemand erbij of een gesprek vooraf.
