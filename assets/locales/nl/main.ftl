# Itinérances: de schermen van de vrijwilliger, in het Nederlands.
# Eenvoudige woorden, korte zinnen. Noem de ouder nooit "gedetineerde".

and = en
nav-trips = Mijn ritten
nav-settings = Instellingen
back-to-trips = Terug naar mijn ritten
not-on-device = Dit staat niet (meer) op deze telefoon. Synchroniseer, of vraag het je coördinator.
prison-unknown = Gevangenis niet gekend op deze telefoon

# Dagen en maanden
weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

language-fr = Frans
language-nl = Nederlands
language-en = Engels
language-de = Duits
language-self = Nederlands

# Synchronisatie
sync-online = Online
sync-offline = Geen netwerk
sync-not-yet = Nog niet gesynchroniseerd
sync-all-sent = alles is verstuurd
sync-pending = { $count ->
    [one] 1 wijziging wacht om verstuurd te worden
   *[other] { $count } wijzigingen wachten om verstuurd te worden
}
sync-last = Laatste synchronisatie: { $when }
sync-never = Nog nooit gesynchroniseerd
sync-now = Nu synchroniseren
sync-running = Bezig…
sync-problem = Synchroniseren lukte niet: { $reason }
rejected-step = Niet aanvaard: “{ $step }”
rejected-report = Niet aanvaard: je verslag
rejected-other = Niet aanvaard: een wijziging van deze telefoon
rejected-forbidden = Deze rit is niet meer van jou. Bel je coördinator.
rejected-not-found = Deze rit bestaat niet meer. Bel je coördinator.
rejected-invalid = Er klopte iets niet. Kijk het na en vul het opnieuw in.
rejected-superseded = Iemand heeft het na u gewijzigd: die nieuwere versie blijft behouden en wordt getoond.
rejected-dismiss = Begrepen

# Aanmelden
enroll-title = Deze telefoon koppelen
enroll-intro = Vul het adres van de server in en de code die je van je coördinator kreeg.
signed-out-revoked = Je coördinator heeft dit toestel afgemeld en wat erop stond is gewist. Vraag een nieuwe code om het opnieuw te gebruiken.
signed-out-expired = Dit toestel had lang niet meer gesynchroniseerd, dus het is afgemeld en wat erop stond is gewist. Vraag je coördinator een nieuwe code.
enroll-server = Adres van de server
enroll-code = Code
enroll-submit = Koppelen
enroll-busy = Bezig met koppelen…
enroll-code-missing = Vul de code in die je van je coördinator kreeg.
enroll-bad-address = Dit serveradres klopt niet. Het begint met https://
enroll-offline = De server antwoordt niet. Kijk het adres en je netwerk na.
enroll-invalid-code = Deze code klopt niet. Kijk hem na, of vraag een nieuwe code.
enroll-expired-code = Deze code is te oud. Vraag een nieuwe code aan je coördinator.
enroll-used-code = Deze code werd al gebruikt. Vraag een nieuwe code aan je coördinator.
enroll-refused = De server weigerde. Vraag het je coördinator.
enroll-too-many = Er werden te veel foute codes getypt vanaf dit netwerk. Wacht tien minuten en typ de code dan zorgvuldig opnieuw.
enroll-protocol = Het antwoord van de server is onleesbaar. Kijk het adres na.
enroll-store = Deze telefoon kon de koppeling niet bewaren. Start de app opnieuw en probeer nog eens.

# Ritten
trips-title = Mijn ritten
trips-today = Vandaag, { $date }
trips-none-today = Vandaag geen rit.
trips-none-upcoming = Geen andere rit gepland.
trips-show-later = { $count ->
    [one] Toon de volgende rit
   *[other] Toon de volgende ritten ({ $count })
}
card-meet = Afspraak om { $time } · { $place }
card-next = Nu: { $step }
card-done = Rit klaar
card-cancelled = Geannuleerd: { $reason }
card-changed = Gewijzigd

# Rit
detail-timeline = De dag
timeline-meet = Afspraak met het kind
timeline-leave = Vertrekken om
timeline-door = Aan de deur van de gevangenis om
timeline-visit = Bezoek
timeline-return = Terug rond
detail-open-log = De rit beginnen
detail-open-sheet = Fiche van de gevangenis
detail-children = Kinderen
child-age = { $age ->
    [one] 1 jaar
   *[other] { $age } jaar
}
child-needs = Goed om te weten:
detail-pickup = Ophalen
detail-call = Bel { $phone }
detail-map-app = Openen in mijn kaart
detail-osm = Route op OpenStreetMap

warning-missing_record = Er ontbreekt informatie over deze rit. Synchroniseer, of bel je coördinator.
warning-infeasible_timing = De afspraak is { $minutes } minuten te laat om op tijd te zijn. Bel je coördinator.
warning-no_visit_right = Geen toelating tot bezoek voor een kind op die dag. Bel je coördinator.
warning-visit_forbidden = Bezoek is niet toegestaan voor een kind. Bel je coördinator.
warning-visit_right_expired = De toelating tot bezoek is afgelopen. Bel je coördinator.
warning-volunteer_double_booked = Je hebt een andere rit op hetzelfde uur.
warning-volunteer_absent = Je zei dat je die dag afwezig bent.
warning-volunteer_outside_availability = Deze rit valt buiten je gewone vrije uren.
warning-prison_disrupted-strike = Staking in de gevangenis: het bezoek gaat misschien niet door. Bel voor je vertrekt.
warning-prison_disrupted-lockdown = De gevangenis is op dat moment gesloten voor bezoek. Bel voor je vertrekt.
warning-prison_disrupted-normal = De gevangenis meldt een probleem. Bel voor je vertrekt.
warning-parent_not_in_that_prison = De ouder zit nu in een andere gevangenis. Bel je coördinator.
warning-parent_released = De ouder is op { $date } vrijgekomen. Bel je coördinator.
warning-no_volunteer = Nog geen vrijwilliger voor deze rit.
warning-room_not_in_prison = De bezoekruimte hoort niet bij deze gevangenis. Bel je coördinator.
warning-needs_car = Met bus of trein duurt het ongeveer { $minutes } minuten per rit. Een auto is beter.
warning-newcomer_alone = Dit is je eerste rit met deze kinderen. Vraag je coördinator wat je over hen moet weten.

# Fiche van de gevangenis
example-content = Voorbeeldinhoud: dit zijn niet de echte regels van deze gevangenis. Vraag het na bij de gevangenis voor je gaat.
status-strike = Staking
status-lockdown = Gesloten voor bezoek
status-from-until = Van { $from } tot { $until }
status-until = Tot { $until }
status-from = Vanaf { $from }
status-child-visits-kept = Bezoek van kinderen gaat toch door.
status-child-visits-cancelled = Bezoek van kinderen gaat niet door.
sheet-entrance = Ingang voor bezoekers
sheet-arrive-early = Wees { $minutes } minuten voor het bezoek aan de deur.
sheet-checklist = Voor je binnengaat
sheet-checklist-done = Alles klaar. Goed bezoek!
sheet-check-locker = Telefoon en tassen in de kluis
sheet-documents-adult = Papieren voor jou
sheet-documents-child = Papieren voor het kind
sheet-lockers = Kluisjes
sheet-allowed = Het kind mag meebrengen
sheet-forbidden = Niet toegelaten binnen
sheet-rooms = Bezoekruimtes
sheet-no-rooms = Nog geen bezoekruimte beschreven.
sheet-last-checked = Nagekeken op { $date } door { $by }
room-parloir = Bezoekzaal
room-family_room = Gezinsruimte
room-cabin = Gesloten cabine
room-family_unit = Gezinsflat
equipment-changing_mat = Verzorgingskussen
equipment-spare_nappies = Reserveluiers
equipment-toys = Speelgoed
equipment-toilets = Toiletten
equipment-bottle_warming = Flessenwarmer
equipment-missing = niet aanwezig

# Ritlogboek
step-do-picked_up = Ik heb de kinderen
step-do-arrived = We zijn aan de gevangenis
step-do-entered = We zijn binnen
step-do-visit_started = Het bezoek begint
step-do-visit_ended = Het bezoek is voorbij
step-do-returned = De kinderen zijn thuis
step-do-cancelled = De rit annuleren
step-done-picked_up = Kinderen opgehaald
step-done-arrived = Aangekomen aan de gevangenis
step-done-entered = Binnen
step-done-visit_started = Bezoek begonnen
step-done-visit_ended = Bezoek voorbij
step-done-returned = Kinderen terug thuis
step-done-cancelled = Rit geannuleerd
log-held = “{ $step }”: bewaard over { $seconds } seconden.
log-undo = Ongedaan maken
log-saved = “{ $step }”: bewaard op deze telefoon.
log-steps = Stappen
log-all-done = Alle stappen zijn gedaan. Dank je!
log-write-report = Het verslag schrijven
cancel-open = De rit kan niet doorgaan
cancel-title = Waarom gaat de rit niet door?
cancel-strike = Staking in de gevangenis
cancel-lockdown = Gevangenis gesloten voor bezoek
cancel-refused_at_door = Geweigerd aan de deur
cancel-parent_transferred = De ouder zit in een andere gevangenis
cancel-parent_released = De ouder is vrijgekomen
cancel-child_ill = Het kind is ziek
cancel-guardian_withdrew = Het gezin zei nee
cancel-other = Andere reden
cancel-note = Een paar woorden (nodig bij “Andere reden”)
cancel-pick-reason = Kies een reden.
cancel-say-why = Zeg in een paar woorden waarom.
cancel-confirm = De rit annuleren
cancel-keep = De rit houden

# Verslag
report-title = Verslag
report-mood-before = Hoe was het kind voor het bezoek?
report-mood-after = Hoe was het kind na het bezoek?
report-contact = Hoe waren ouder en kind samen?
mood-calm = Rustig
mood-happy = Blij
mood-worried = Bezorgd
mood-sad = Verdrietig
mood-upset = Overstuur
contact-warm = Warm
contact-neutral = Neutraal
contact-distant = Afstandelijk
contact-difficult = Moeilijk
report-incidents = Wat er gebeurde (niet verplicht)
report-km = Gereden kilometers
report-km-invalid = Vul de kilometers in als getal, bijvoorbeeld 48.
report-text = Andere opmerkingen (niet verplicht)
report-pick-all = Kies een antwoord bij elke vraag.
report-submit = Verslag bewaren
report-saved = Verslag bewaard op deze telefoon.

# Instellingen
settings-title = Instellingen
settings-language = Taal
settings-language-device = Zoals deze telefoon
settings-device = Deze telefoon
settings-enrolled-as = Gekoppeld als { $name } aan { $server }
settings-leave = Deze telefoon loskoppelen
settings-leave-warning = Dit wist alle ritten en kinderen van deze telefoon.
settings-leave-pending = { $count ->
    [one] 1 wijziging is nog niet verstuurd en gaat verloren.
   *[other] { $count } wijzigingen zijn nog niet verstuurd en gaan verloren.
}
settings-leave-confirm = Ja, alles wissen en loskoppelen
settings-leave-keep = Nee, alles houden

## De werkruimte van de coördinatoren
office-title = Coördinatie
office-menu = Menu van de coördinatie
office-nav-home = Overzicht
office-nav-children = Kinderen
office-nav-devices = Toestellen en toegang
office-offline = De server antwoordt niet. Hiervoor is netwerk nodig: probeer opnieuw zodra je verbonden bent.
office-loading = De werkruimte wordt geopend…
office-load-failed = De werkruimte kon niet geladen worden. Controleer de verbinding en laad de pagina opnieuw.
home-children = { $count ->
    [one] 1 kind
   *[other] { $count } kinderen
}
home-volunteers = { $count ->
    [one] 1 vrijwilliger
   *[other] { $count } vrijwilligers
}
home-prisons = { $count ->
    [one] 1 gevangenis
   *[other] { $count } gevangenissen
}
home-trips-coming = { $count ->
    [one] 1 rit in de komende 30 dagen
   *[other] { $count } ritten in de komende 30 dagen
}
home-trips-open = { $count ->
    [0] Elke rit heeft een vrijwilliger
    [one] 1 rit zonder vrijwilliger
   *[other] { $count } ritten zonder vrijwilliger
}
home-rights-expiring = { $count ->
    [0] Geen bezoekrecht loopt af in de komende 30 dagen
    [one] 1 kind met een bezoekrecht dat binnenkort afloopt
   *[other] { $count } kinderen met een bezoekrecht dat binnenkort afloopt
}
children-title = Kinderen
children-search = Zoeken (voornaam, gezin, adres)
children-count = { $count ->
    [one] 1 kind
   *[other] { $count } kinderen
}
children-none = Geen enkel kind past bij deze zoekopdracht.
children-col-name = Voornaam
children-col-age = Leeftijd
children-col-family = Gezin
children-col-rights = Bezoekrechten
children-rights-look = Na te kijken
children-rights-ok = In orde
children-back = Terug naar de kinderen
child-born = Geboren in { $year } · dit jaar { $age } jaar
child-family = Gezin
child-pickup = Ophalen:
child-rights = Bezoekrechten
child-rights-none = Geen bezoekrecht en geen rit geregistreerd voor dit kind.
child-with-parent = Met { $name }
child-rights-missing = Er is geen beslissing geregistreerd voor bezoeken aan { $name }.
child-rights-none-valid = Geen enkele beslissing staat vandaag een bezoek toe, en toch { $count ->
    [one] is er 1 rit gepland
   *[other] zijn er { $count } ritten gepland
}.
child-next-trips = Volgende ritten
child-no-trips = Geen rit gepland.
child-not-found = Dit kind staat niet (meer) in de dossiers.
trip-no-volunteer = nog geen vrijwilliger
right-forbidden = Bezoek verboden
right-not-yet = Geldig vanaf { $date }
right-expired = Afgelopen op { $date }
right-expiring = Loopt binnenkort af, op { $date }
right-valid-until = Geldig tot { $date }
right-valid = Geldig, zonder einddatum
right-supervised = begeleid
decided-by-youth_aid_service = jeugdhulpdienst
decided-by-youth_court = jeugdrechtbank
decided-by-family_court = familierechtbank
decided-by-agreement = akkoord van alle partijen
rhythm-week = { $count ->
    [one] één keer per week
   *[other] { $count } keer per week
}
rhythm-month = { $count ->
    [one] één keer per maand
   *[other] { $count } keer per maand
}
rhythm-quarter = { $count ->
    [one] één keer per kwartaal
   *[other] { $count } keer per kwartaal
}
guardian-parent = ouder
guardian-grandparent = grootouder
guardian-other_relative = familielid
guardian-foster_family = pleeggezin
guardian-institution = instelling
code-new = Een nieuwe toegangscode
code-role = Voor
code-role-volunteer = een vrijwilliger
code-role-coordinator = een coördinator
code-volunteer = Vrijwilliger
code-volunteer-pick = Kies de vrijwilliger
code-person = Naam van de persoon
code-create = Code maken
code-error-volunteer = Kies de vrijwilliger voor wie deze code is.
code-error-name = Geef de naam van de persoon voor wie deze code is.
code-created = Code voor { $name }, geldig tot { $date }. Geef hem nu door: hij wordt niet meer getoond.
code-qr = QR-code om te scannen met de camera van de telefoon
code-link = Link om te scannen, of te plakken in het inschrijvingsscherm van de app
devices-list = Ingeschreven toestellen
devices-loading = De toestellen worden geladen…
device-col-person = Persoon
device-col-name = Toestel
device-col-last = Laatste synchronisatie
device-col-refused = Geweigerde wijzigingen
device-col-access = Toegang
device-never = nooit
device-revoked = Ingetrokken op { $date }
device-this-one = Dit toestel
device-revoke = Toegang intrekken
device-revoke-confirm = De toegang van "{ $name }" intrekken? Wat erop staat, wordt gewist bij de volgende verbinding.
device-revoke-yes = Ja, intrekken
device-revoke-no = Annuleren
not-found-title = Niets te zien
not-found-text = Op dit adres staat niets. Het is misschien veranderd: begin opnieuw vanaf het startscherm.
not-found-back = Terug naar het startscherm

## Dossiers: formulieren
form-pick = — kiezen —
form-required = In te vullen.
form-birth-year = Vul het geboortejaar in, bijvoorbeeld 2018.
form-pick-family = Kies het gezin, of voer eerst een nieuw gezin in.
form-pick-parent = Kies de ouder.
form-first-name = Voornaam
form-last-name = Achternaam
form-last-name-hint = Alleen gezien door de coördinatie, nooit op de telefoons van vrijwilligers.
form-birth-year-label = Geboortejaar
form-language = Taal
form-needs = Wat de vrijwilliger moet weten
form-needs-hint = Knuffel, allergie, angst voor honden… Gezien door de vrijwilliger die komt.
form-family = Gezin
form-new-family = Nieuw gezin
form-save = Opslaan
form-cancel = Annuleren
form-coordinate = Vul een getal in zoals 50.8466 (breedtegraad) of 4.3528 (lengtegraad).
form-visits = Vul een aantal bezoeken in van 1 tot 31.
form-date = Vul een datum in.
form-until-before-from = Het einde komt voor het begin.
archived = gearchiveerd
children-new = Nieuw kind
children-show-archived = Ook gearchiveerde kinderen tonen
child-new-title = Nieuw kind
child-edit-title = Het dossier van het kind verbeteren
child-edit = Verbeteren
child-add-right = Een bezoekrecht toevoegen
child-archive = Archiveren
child-archive-confirm = Dit kind archiveren? Het dossier blijft, verborgen uit de lijsten.
child-archive-yes = Ja, archiveren
child-unarchive = Uit het archief halen
family-new-title = Nieuw gezin
family-edit-title = Het gezin verbeteren
family-edit = verbeteren
family-not-found = Dit gezin staat niet (meer) in de dossiers.
family-name = Hoe de vrijwilliger hen aanspreekt
family-name-hint = "Mevrouw Peeters", "Tehuis De Linde"…
family-kind = Wie ze zijn voor de kinderen
family-phone = Telefoon
family-address = Waar de kinderen worden opgehaald
family-address-hint = Zoals de vrijwilliger het zal lezen: straat, nummer, gemeente, herkenningspunt.
family-lat = Breedtegraad
family-lon = Lengtegraad
family-coordinates-hint = Coördinaten van de ophaalplaats, van een kaart (bijvoorbeeld 50.8466 en 4.3528 in Brussel).
right-new-title = Een bezoekrecht
right-form-parent = Met welke ouder
right-form-decision = Beslissing
right-form-allowed = Bezoek toegestaan
right-form-forbidden = Bezoek verboden
right-form-by = Beslist door
right-form-visits = Aantal bezoeken
right-form-per = Per
right-form-per-week = week
right-form-per-month = maand
right-form-per-quarter = kwartaal
right-form-from = Geldig vanaf
right-form-until = Geldig tot
right-form-until-hint = Laat leeg als de beslissing geen einddatum heeft.
right-form-supervised = Begeleid (een derde is aanwezig)
right-form-collective = Collectief bezoek (meerdere gezinnen in één zaal)
right-form-reference = Referentie van de beslissing
right-form-reference-hint = Dossiernummer, datum van het vonnis…
office-nav-volunteers = Vrijwilligers
volunteers-title = Vrijwilligers
volunteers-new = Nieuwe vrijwilliger
volunteers-search = Zoeken op naam
volunteers-show-archived = Ook gearchiveerde vrijwilligers tonen
volunteers-col-name = Naam
volunteers-col-car = Auto
volunteers-col-languages = Talen
volunteers-col-free = Meestal vrij
volunteer-car-yes = ja
volunteer-car-no = nee
volunteer-free-ask = te vragen
volunteer-newcomer-tag = nieuw
volunteer-new-title = Nieuwe vrijwilliger
volunteer-edit-title = De vrijwilliger verbeteren
volunteer-not-found = Deze vrijwilliger staat niet (meer) in de dossiers.
volunteer-home-hint = Van waar de vrijwilliger meestal vertrekt, ongeveer (bijvoorbeeld 50.8466 en 4.3528 in Brussel).
volunteer-has-car = Heeft een auto voor de ritten
volunteer-newcomer = Nieuw in het netwerk: nog niet alleen met een kind
volunteer-week = Meestal vrij
volunteer-week-error = Geef elke vrije dag een begin- en einduur, het einde na het begin.
volunteer-from = van
volunteer-until = tot
volunteer-absences = Afwezig (vakantie, ziekte)
volunteer-away-from = Afwezig van
volunteer-away-until = tot
volunteer-add-absence = Een afwezigheid toevoegen
volunteer-absence-error = Geef elke afwezigheid een eerste en een laatste dag, de laatste na de eerste.
weekday-mon = maandag
weekday-tue = dinsdag
weekday-wed = woensdag
weekday-thu = donderdag
weekday-fri = vrijdag
weekday-sat = zaterdag
weekday-sun = zondag
office-nav-parents = Ouders
parents-title = Ouders
parents-new = Nieuwe ouder
parents-col-prison = Gevangenis
parents-col-transfers = Overplaatsingen
parents-col-release = Datum van vrijlating (indien gekend)
parent-new-title = Nieuwe ouder
parent-edit-title = De ouder verbeteren
parent-not-found = Deze ouder staat niet (meer) in de dossiers.
parent-release-hint = Laat leeg als ze niet gekend is.
parent-transfer = Overplaatsingen
parent-moved-to = Overgeplaatst naar
parent-moved-on = Op
parent-transfer-error = Kies voor een overplaatsing een andere gevangenis en geef de datum.
form-pick-prison = Kies de gevangenis.
sheet-not-translated = Deze fiche is nog niet in het Nederlands vertaald: hier is ze in het { $language }.
office-nav-prisons = Gevangenissen
prisons-title = Gevangenissen
prisons-back = Terug naar de gevangenissen
prisons-col-status = Toestand
prisons-col-checked = Laatst nagekeken
prisons-col-languages = Fiche leesbaar in
prisons-checked-by = { $date }, door { $by }
prison-status-normal = Normaal
prison-status-strike = Staking
prison-status-lockdown = Gesloten voor bezoek
prison-not-found = Deze gevangenis staat niet (meer) in de dossiers.
prison-checked-today = Vandaag nagekeken
prison-from = Van
prison-until = Tot en met
prison-note = Wat bekend is (getoond aan vrijwilligers)
prison-kept = Tijdens de staking gaan de bezoeken van kinderen door
prison-lead = Zoveel minuten vroeger aan de deur zijn
prison-lead-error = Vul een aantal minuten in van 0 tot 240.
prison-hours = Bezoekuren (wanneer bezoeken gepland kunnen worden)
prison-texts-in = De fiche in het { $language }
prison-one-per-line = Eén per regel.
prison-saved = Opgeslagen op dit toestel; verstuurd bij de volgende synchronisatie.
prisons-new = Nieuwe gevangenis
prison-new-title = Nieuwe gevangenis
prison-identity = De gevangenis
prison-name-hint = Zoals de vrijwilligers ze kennen, bijvoorbeeld "Gevangenis van Haren".
prison-town = Gemeente
prison-address = Adres
prison-coordinates-hint = Coördinaten van de bezoekersingang, van een kaart (bijvoorbeeld 50.8466 en 4.3528 in Brussel).
room-add = Een bezoekzaal toevoegen
room-new = Nieuwe bezoekzaal
room-name = Naam van de zaal
room-kind = Soort zaal
room-equipment = Voor kleine kinderen
room-notes = Goed om te weten
room-notes-hint = Wat de vrijwilliger over deze zaal moet weten (staat op de fiche).
room-save = De zaal bewaren
leave-question = Dit formulier bevat wijzigingen die nog niet bewaard zijn. Weggaan zonder te bewaren?
leave-stay = Op het formulier blijven
leave-go = Weggaan zonder te bewaren
import-title = Importeren uit een rekenblad
import-intro = Kopieer de rijen van je rekenblad (of open een CSV-bestand en kopieer de tekst) en plak ze hieronder. Niets wordt opgeslagen zolang een rij niet klopt.
import-columns = Kolommen, in deze volgorde: { $columns }.
import-paste = Te importeren rijen
import-ready = { $count ->
    [one] 1 vrijwilliger klaar om te importeren.
   *[other] { $count } vrijwilligers klaar om te importeren.
}
import-wrong = { $count ->
    [one] Eerst 1 rij verbeteren: niets wordt opgeslagen zolang ze niet klopt.
   *[other] Eerst { $count } rijen verbeteren: niets wordt opgeslagen zolang ze niet kloppen.
}
import-line = Rij
import-problems = Te verbeteren
import-do = { $count ->
    [one] 1 vrijwilliger importeren
   *[other] { $count } vrijwilligers importeren
}
import-col-name = naam
import-col-phone = telefoon
import-col-lat = breedtegraad
import-col-lon = lengtegraad
import-col-car = auto (ja/nee)
import-col-languages = talen (fr nl en de)
import-col-newcomer = nieuw (ja/nee)
import-missing = ontbreekt
import-not-a-coordinate = geen coördinaat (zoals 50.8466)
import-not-yes-no = schrijf ja of nee
import-unknown-language = onbekende taal: gebruik fr, nl, en of de
import-too-long = een tekst is te lang
import-families-title = Gezinnen uit een rekenblad importeren
import-families-hint = Eén regel per kind. Broers en zussen uit hetzelfde gezin (zelfde naam en telefoon) worden samengebracht; een ouder in dezelfde gevangenis wordt maar één keer ingevoerd. De laatste vier kolommen (de beslissing) mogen leeg blijven: de fiche van het kind zegt dan dat ze ontbreekt.
import-families-ready = { $count ->
    [one] 1 kind klaar om te importeren
   *[other] { $count } kinderen klaar om te importeren
}, met { $families ->
    [0] geen nieuw gezin
    [one] 1 nieuw gezin
   *[other] { $families } nieuwe gezinnen
} en { $parents ->
    [0] geen nieuwe ouder.
    [one] 1 nieuwe ouder.
   *[other] { $parents } nieuwe ouders.
}
import-families-do = { $count ->
    [one] 1 kind importeren
   *[other] { $count } kinderen importeren
}
import-col-family = gezin (zoals de vrijwilliger het aanspreekt)
import-col-family-kind = wie (moeder, grootmoeder, pleeggezin, instelling…)
import-col-family-language = taal van het gezin
import-col-address = adres waar het kind wordt opgehaald
import-col-child-first = voornaam van het kind
import-col-child-last = naam van het kind
import-col-born = geboortejaar
import-col-child-language = taal van het kind
import-col-parent-first = voornaam van de ouder
import-col-parent-last = naam van de ouder
import-col-prison = gevangenis (naam of gemeente)
import-col-visits = bezoeken (2 / maand, 1 / week, verboden)
import-col-decided-by = beslist door (jeugdhulp, jeugdrechtbank, familierechtbank, akkoord)
import-col-valid-from = geldig sinds (2026-09-01)
import-col-reference = referentie van de beslissing
import-col-child = Kind
import-col-parent = Ouder
import-col-right = Beslissing
import-no-right = in te vullen op de fiche van het kind
import-unknown-kind = schrijf wie: moeder, vader, grootmoeder, familie, pleeggezin of instelling
import-one-language = hier maar één taal
import-not-a-year = geen geboortejaar (zoals 2018)
import-unknown-prison = geen gevangenis met die naam of in die gemeente in de dossiers
import-several-prisons = meerdere gevangenissen passen: schrijf de volledige naam
import-not-visits = schrijf een aantal per week, per maand of per kwartaal (2 / maand), of "verboden"
import-unknown-decider = schrijf jeugdhulp, jeugdrechtbank, familierechtbank of akkoord
import-not-a-date = geen datum (zoals 2026-09-01)
import-family-differs = hetzelfde gezin heeft een ander adres op een regel hierboven
import-child-known = dit kind staat al in de dossiers
import-child-twice = dit kind staat al op een regel hierboven

# Opening the store (browser)
app-opening = De gegevens van dit toestel worden geopend…
store-not-kept = Deze browser bewaart de gegevens van de app niet: alles wat u hier doet, is weg zodra u het tabblad sluit. Open de app in een gewoon venster (niet privé), op haar https-adres.

## Today, live
office-nav-today = Vandaag
today-title = Vandaag
today-summary = { $trips ->
    [0] Vandaag geen ritten.
    [one] 1 rit vandaag
   *[other] { $trips } ritten vandaag
}: { $under_way } onderweg, { $done } klaar, { $cancelled } geannuleerd.
today-late-count = { $count ->
    [one] 1 te laat.
   *[other] { $count } te laat.
}
today-open-count = { $count ->
    [one] 1 zonder vrijwilliger.
   *[other] { $count } zonder vrijwilliger.
}
today-live = Dit scherm volgt vanzelf: elke stap die op een telefoon wordt genoteerd, staat hier binnen de seconde.
today-none = Vandaag zijn er geen ritten gepland.
today-col-meet = Afspraak → terug
today-col-children = Kinderen
today-col-volunteer = Vrijwilliger
today-col-stage = Hoe ver
today-col-report = Verslag
today-no-volunteer = geen vrijwilliger
today-stage-not_started = nog niet begonnen
today-stage-picked_up = kinderen opgehaald
today-stage-at_prison = aan de gevangenis
today-stage-in_visit = op bezoek
today-stage-returning = op de terugweg
today-stage-done = klaar
today-stage-cancelled = geannuleerd
today-late = Te laat: "{ $step }" verwacht rond { $time }.
today-last-news = Laatste nieuws om { $time }.
today-no-news = Nog geen nieuws.
today-report = { $km } km · het kind na afloop: { $mood }

## Disruptions: the trips to review
review-title-prison = { $count ->
    [one] 1 komende rit valt in deze periode
   *[other] { $count } komende ritten vallen in deze periode
}
review-intro-prison = Annuleer ze (de vrijwilliger en het gezin horen het bij hun volgende synchronisatie, en het bezoek telt als verschuldigd), behoud ze, of verplaats ze naar een andere dag op dezelfde uren.
review-title-parent = { $count ->
    [one] 1 komende rit past niet meer
   *[other] { $count } komende ritten passen niet meer
}
review-intro-parent = Na een overplaatsing of een vrijlating staan deze ritten nog gepland naar de vorige gevangenis of na de datum van vrijlating: annuleer of verplaats ze.
review-cancel-all = { $count ->
    [one] Deze rit annuleren
   *[other] De { $count } ritten annuleren
}
review-col-when = Wanneer
review-col-why = Reden
review-col-decide = Beslissen
review-cancel = Annuleren
review-move-to = Verplaatsen naar
review-move = Verplaatsen
review-keep = Een rit die u behoudt, blijft zoals hij is.
