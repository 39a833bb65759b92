## Planning: calendar, trips, the month plan, assigning, disruptions, today live

## A trip's page
trip-page-new = Nouveau trajet
trip-page-title = Trajet du { $date }
trip-page-missing = Ce trajet n'est pas sur cet appareil. Synchronisez, ou revenez au tableau du jour.
trip-page-open = Ouvrir le trajet
trip-page-new-link = Nouveau trajet
trip-form-children = Enfants
trip-form-children-hint = Des frères et sœurs peuvent partir ensemble.
trip-form-parent = Parent visité
trip-form-prison = Prison
trip-form-room = Salle de visite
trip-form-room-none = Pas encore choisie
trip-form-day = Jour de la visite
trip-form-slot = Créneau de visite
trip-form-no-slots = Cette prison n'a pas encore d'heures de visite : ajoutez-les d'abord sur la page de la prison.
trip-form-pickup = Prise en charge chez
trip-form-travel = Trajet
trip-form-car = En voiture
trip-form-public-transport = En bus ou en train
trip-form-meet = Heure de rendez-vous convenue avec la famille
trip-form-meet-hint = Laissez vide : le plan la calcule d'après la durée du trajet.
trip-form-meet-invalid = Indiquez une heure comme 12:45.
trip-form-meet-before = Le rendez-vous doit être avant le début de la visite.
trip-form-minutes = Durée du trajet connue (minutes)
trip-form-minutes-hint = Laissez vide : le plan l'estime d'après la distance.
trip-form-minutes-invalid = Indiquez un nombre de minutes entre 1 et 720.
trip-form-pick-children = Choisissez au moins un enfant.
trip-form-pick-slot = Choisissez un créneau de visite.
trip-form-pick-pickup = Choisissez où les enfants sont pris en charge.
trip-form-slot-weekday = Ce créneau a lieu le { $weekday } : choisissez un { $weekday } ou un autre créneau.
trip-form-saved = Enregistré. Le téléphone du bénévole le reçoit à la prochaine synchronisation.
trip-forbidden = Une décision interdit les visites entre { $child } et ce parent ce jour-là : ce trajet ne peut pas être enregistré. Retirez { $child } du trajet, ou choisissez un autre jour.
trip-timeline = Déroulé
trip-timeline-missing = Choisissez les enfants, le parent, la prison, un jour et un créneau pour voir le déroulé.
trip-warnings = Alertes
trip-warnings-none = Aucune alerte pour ce trajet.

## Assigning
trip-assign-title = Qui peut y aller
trip-assign-current = Y va : { $name }
trip-assign-nobody = Pas encore de bénévole.
trip-assign = Désigner
trip-assign-save-first = Enregistrez d'abord le trajet, puis choisissez qui y va.
trip-assign-none = Aucun bénévole enregistré.
trip-assign-score = { $score } points
suggest-reason-continuity = Est déjà parti·e avec ces enfants ({ $made ->
        [one] 1 trajet fait
       *[other] { $made } trajets faits
    }, { $planned } prévus)
suggest-reason-free_at_that_time = Libre à ce moment
suggest-reason-availability_unknown = N'a pas donné ses disponibilités : demandez d'abord
suggest-reason-outside_usual_slots = En dehors de ses disponibilités habituelles
suggest-reason-absent = Absent·e ce jour-là
suggest-reason-double_booked = Déjà sur un autre trajet à ce moment
suggest-reason-speaks_language = Parle { $language }
suggest-reason-no_common_language = Ne parle pas { $language }
suggest-reason-has_car_for_long_trip = A une voiture, utile pour ce long trajet
suggest-reason-no_car_for_long_trip = Pas de voiture : environ { $minutes } minutes par trajet en bus ou en train
suggest-reason-distance_to_pickup = Habite à { $km } km du lieu de prise en charge
suggest-reason-newcomer_first_time = Nouveau bénévole, jamais parti avec ces enfants : mieux vaut ne pas y aller seul
office-nav-assign = Désigner le mois
assign-title = Désigner le mois
assign-lead = Trajets de { $month } sans bénévole, chacun avec le meilleur bénévole libre ; un enfant garde la même personne quand elle est libre.
assign-previous = Mois précédent
assign-next = Mois suivant
assign-none = Chaque trajet de ce mois a un bénévole.
assign-col-trip = Trajet
assign-col-children = Enfants
assign-col-proposed = Bénévole proposé
assign-nobody = Personne n'est libre à ce moment
assign-same-person = même personne que pour cet enfant
assign-all = Tous les désigner ({ $count })
assign-done = { $count } trajets désignés. Les téléphones des bénévoles les reçoivent à la prochaine synchronisation.
## Plan a month
office-nav-plan = Planifier un mois
plan-title = Planifier un mois
plan-intro = Les visites que demandent les droits de visite de chaque enfant ce mois-ci, dans les heures de visite des prisons, hors des grèves et fermetures connues. Les frères et sœurs vont ensemble. Les visites dues après une annulation passent d'abord.
plan-previous = Mois précédent
plan-next = Mois suivant
plan-none = Rien à proposer pour ce mois : les visites que demandent les droits sont déjà prévues.
plan-count = Visites proposées : { $count }, dont à rattraper : { $catchups }. Décochez une ligne pour la laisser de côté.
plan-col-keep = Garder
plan-col-date = Date
plan-col-time = Heure
plan-col-children = Enfants
plan-col-parent = Parent
plan-col-prison = Prison
plan-col-catchup = À rattraper
plan-col-warnings = À vérifier
plan-col-move = Déplacer au
plan-move-row = Déplacer la visite de { $children } du { $date } au
plan-catchup-mark = À rattraper
plan-keep-row = Garder la visite de { $children } le { $date }
plan-accept = { $count ->
    [one] Accepter 1 visite
   *[other] Accepter { $count } visites
}
plan-saved = { $count ->
    [one] 1 visite ajoutée au calendrier, encore sans bénévole.
   *[other] { $count } visites ajoutées au calendrier, encore sans bénévole.
}
plan-save-failed = Toutes les visites n'ont pas pu être enregistrées ({ $error }). Celles enregistrées sont au calendrier ; planifiez à nouveau le mois pour voir ce qui reste.

## Le calendrier
office-nav-calendar = Calendrier
calendar-title = Calendrier des trajets
calendar-view = Afficher par
calendar-view-month = Mois
calendar-view-week = Semaine
calendar-previous = Précédent
calendar-next = Suivant
calendar-today = Aujourd'hui
calendar-week-of = Semaine du { $date }
calendar-filter-prison = Prison
calendar-filter-volunteer = Bénévole
calendar-filter-child = Enfant
calendar-filter-status = État
calendar-all = Tous
calendar-status-planned = Prévu, encore sans bénévole
calendar-status-assigned = Bénévole désigné
calendar-status-done = Fait
calendar-status-cancelled = Annulé
calendar-count = { $count ->
    [one] 1 trajet affiché.
   *[other] { $count } trajets affichés.
}
calendar-open-count = { $count ->
    [one] 1 sans bénévole.
   *[other] { $count } sans bénévole.
}
calendar-warned-count = { $count ->
    [one] 1 avec un point à vérifier.
   *[other] { $count } avec des points à vérifier.
}
calendar-hour = Heure
calendar-none = Aucun trajet ces jours-là.
calendar-open-day = Voir les trajets du { $date }
calendar-day-title = Trajets du { $date }
calendar-day-none = Aucun trajet ce jour-là.
calendar-no-volunteer = sans bénévole
calendar-warnings = { $count ->
    [one] 1 point à vérifier
   *[other] { $count } points à vérifier
}

## Une série : les visites régulières d'une famille à un parent
trip-series-title = Visites régulières
trip-series-lead = { $count ->
    [one] Une visite suivante de cette famille à ce parent est prévue :
   *[other] { $count } visites suivantes de cette famille à ce parent sont prévues :
}
trip-series-none = Aucune visite suivante de cette famille à ce parent n'est encore prévue.
trip-series-more = et { $count } de plus
trip-series-scope = Appliquer le changement à
trip-series-scope-one = cette visite seulement ({ $date })
trip-series-scope-later = { $count ->
    [one] cette visite et la suivante
   *[other] cette visite et les { $count } suivantes
}
trip-series-parent-changed = Avec un autre parent, cette visite quitte les visites régulières de la famille : les suivantes restent comme elles sont.
trip-series-done = { $count ->
    [0] Aucune visite suivante n'a changé.
    [one] La visite suivante a changé aussi.
   *[other] { $count } visites suivantes ont changé aussi.
}
trip-series-left = Laissée telle quelle, { $date } : { $why }
trip-series-left-forbidden = une décision interdit la visite de { $child } ce jour-là.
trip-series-left-no-child = il ne resterait aucun enfant pour cette visite.
trip-cancel-title = Annuler cette visite
trip-cancel-later = { $count ->
    [one] Annuler aussi la visite suivante de cette famille
   *[other] Annuler aussi les { $count } visites suivantes de cette famille
}
trip-cancel-done = Cette visite est annulée : { $reason }. Le téléphone du bénévole et la page de la famille l'affichent à leur prochaine synchronisation.
trip-cancel-later-done = { $count ->
    [one] La visite suivante est annulée aussi.
   *[other] Les { $count } visites suivantes sont annulées aussi.
}
trip-cancel-begun = Cette visite a commencé : suivez-la sur le tableau du jour.

## Le tableau du jour : téléphones sans nouvelles
today-silent-count = { $count ->
    [one] 1 téléphone sans nouvelles.
   *[other] { $count } téléphones sans nouvelles.
}
today-phone-silent = Téléphone sans nouvelles depuis { $time }
today-phone-never = Aucune nouvelle du téléphone

## Les alertes comme l'espace de coordination les formule (celles du téléphone sont dans main.ftl)
office-warning-missing_record = Une fiche à laquelle ce trajet renvoie manque : vérifiez les enfants, le parent, la prison et le bénévole.
office-warning-infeasible_timing = Le rendez-vous est { $minutes } minutes trop tard pour arriver à temps à la prison : avancez-le.
office-warning-no_visit_right = Aucun droit de visite ne couvre un enfant ce jour-là : vérifiez ses droits de visite.
office-warning-visit_forbidden = Une décision interdit les visites d'un enfant avec ce parent.
office-warning-visit_right_expired = Le droit de visite d'un enfant a pris fin : vérifiez ses droits de visite.
office-warning-volunteer_double_booked = Le bénévole est déjà sur un autre trajet à ce moment.
office-warning-volunteer_absent = Le bénévole a dit être absent ce jour-là.
office-warning-volunteer_outside_availability = Le trajet sort des disponibilités habituelles du bénévole : demandez-lui d'abord.
office-warning-prison_disrupted-strike = Grève à la prison : cette visite pourrait ne pas avoir lieu.
office-warning-prison_disrupted-lockdown = La prison est fermée aux visites à ce moment.
office-warning-prison_disrupted-normal = La prison annonce un problème.
office-warning-parent_not_in_that_prison = Le parent est dans une autre prison ce jour-là.
office-warning-parent_released = Le parent est sorti de prison le { $date }.
office-warning-no_volunteer = Aucun bénévole n'est encore désigné.
office-warning-room_not_in_prison = La salle de visite appartient à une autre prison.
office-warning-needs_car = En bus ou en train, il faut environ { $minutes } minutes par trajet : mieux vaut un bénévole avec une voiture.
office-warning-newcomer_alone = Un nouveau bénévole part seul pour la première fois avec ces enfants : prévoyez quelqu'un avec lui ou un appel avant.
