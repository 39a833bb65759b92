## Planning: calendar, trips, the month plan, assigning, disruptions, today live

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
