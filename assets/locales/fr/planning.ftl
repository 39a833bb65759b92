## Planning: calendar, trips, the month plan, assigning, disruptions, today live

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
