# Itinérances : les écrans du volontaire, en français.
# Des mots simples, des phrases courtes. Jamais « détenu » pour le parent.

and = et
nav-trips = Mes trajets
nav-settings = Réglages
back-to-trips = Retour à mes trajets
not-on-device = Ce n'est pas (plus) sur ce téléphone. Synchronisez, ou demandez à votre coordinatrice.
prison-unknown = Prison inconnue sur ce téléphone

# Jours et mois
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

language-fr = français
language-nl = néerlandais
language-en = anglais
language-de = allemand
language-self = Français

# Barre de synchronisation
sync-online = En ligne
sync-offline = Pas de réseau
sync-not-yet = Pas encore synchronisé
sync-all-sent = tout est envoyé
sync-pending = { $count ->
    [one] 1 changement à envoyer
   *[other] { $count } changements à envoyer
}
sync-last = Dernière synchro : { $when }
sync-never = Jamais synchronisé
sync-now = Synchroniser
sync-running = Synchronisation…
sync-problem = La synchro n'a pas marché : { $reason }
rejected-step = Pas accepté : « { $step } »
rejected-report = Pas accepté : votre rapport
rejected-other = Pas accepté : un changement de ce téléphone
rejected-forbidden = Ce trajet n'est plus le vôtre. Appelez votre coordinatrice.
rejected-not-found = Ce trajet n'existe plus. Appelez votre coordinatrice.
rejected-invalid = Quelque chose n'allait pas. Vérifiez et recommencez.
rejected-superseded = Quelqu'un l'a modifié après vous : sa version, plus récente, est gardée et affichée.
rejected-dismiss = J'ai compris

# Inscription
enroll-title = Connecter ce téléphone
enroll-intro = Entrez l'adresse du serveur et le code reçu de votre coordinatrice.
signed-out-revoked = Votre coordinatrice a déconnecté cet appareil et ce qu'il contenait a été effacé. Demandez un nouveau code pour l'utiliser à nouveau.
signed-out-expired = Cet appareil n'avait plus été synchronisé depuis longtemps : il a été déconnecté et ce qu'il contenait a été effacé. Demandez un nouveau code à votre coordinatrice.
enroll-server = Adresse du serveur
enroll-code = Code
enroll-submit = Connecter
enroll-busy = Connexion…
enroll-code-missing = Entrez le code reçu de votre coordinatrice.
enroll-bad-address = Cette adresse de serveur n'est pas bonne. Elle commence par https://
enroll-offline = Le serveur ne répond pas. Vérifiez l'adresse et votre réseau.
enroll-invalid-code = Ce code n'est pas bon. Vérifiez-le, ou demandez un nouveau code.
enroll-expired-code = Ce code est trop vieux. Demandez un nouveau code à votre coordinatrice.
enroll-used-code = Ce code a déjà servi. Demandez un nouveau code à votre coordinatrice.
enroll-refused = Le serveur a refusé. Demandez à votre coordinatrice.
enroll-too-many = Trop de codes erronés ont été tapés depuis ce réseau. Attendez dix minutes, puis retapez le code avec soin.
enroll-protocol = La réponse du serveur est illisible. Vérifiez l'adresse.
enroll-store = Ce téléphone n'a pas pu garder la connexion. Relancez l'application et réessayez.

# Trajets
trips-title = Mes trajets
trips-today = Aujourd'hui, { $date }
trips-none-today = Pas de trajet aujourd'hui.
trips-none-upcoming = Pas d'autre trajet prévu.
trips-show-later = { $count ->
    [one] Voir le trajet suivant
   *[other] Voir les trajets suivants ({ $count })
}
card-meet = Rendez-vous à { $time } · { $place }
card-next = À faire : { $step }
card-done = Trajet terminé
card-cancelled = Annulé : { $reason }
card-changed = Modifié

# Détail du trajet
detail-timeline = La journée
timeline-meet = Rendez-vous avec l'enfant
timeline-leave = Partir à
timeline-door = À la porte de la prison à
timeline-visit = Visite
timeline-return = Retour vers
detail-open-log = Commencer le trajet
detail-open-sheet = Fiche de la prison
detail-children = Enfants
child-age = { $age ->
    [one] 1 an
   *[other] { $age } ans
}
child-needs = À savoir :
detail-pickup = Prise en charge
detail-call = Appeler le { $phone }
detail-map-app = Ouvrir dans ma carte
detail-osm = Itinéraire sur OpenStreetMap

warning-missing_record = Il manque des informations sur ce trajet. Synchronisez, ou appelez votre coordinatrice.
warning-infeasible_timing = Le rendez-vous est { $minutes } minutes trop tard pour arriver à temps. Appelez votre coordinatrice.
warning-no_visit_right = Pas d'autorisation de visite pour un enfant ce jour-là. Appelez votre coordinatrice.
warning-visit_forbidden = Les visites ne sont pas permises pour un enfant. Appelez votre coordinatrice.
warning-visit_right_expired = L'autorisation de visite est finie. Appelez votre coordinatrice.
warning-volunteer_double_booked = Vous avez un autre trajet à la même heure.
warning-volunteer_absent = Vous avez dit être absent ce jour-là.
warning-volunteer_outside_availability = Ce trajet est en dehors de vos heures habituelles.
warning-prison_disrupted-strike = Grève à la prison : la visite risque de ne pas avoir lieu. Appelez avant de partir.
warning-prison_disrupted-lockdown = La prison est fermée aux visites à ce moment. Appelez avant de partir.
warning-prison_disrupted-normal = La prison annonce un problème. Appelez avant de partir.
warning-parent_not_in_that_prison = Le parent a changé de prison. Appelez votre coordinatrice.
warning-parent_released = Le parent est sorti de prison le { $date }. Appelez votre coordinatrice.
warning-no_volunteer = Pas encore de volontaire pour ce trajet.
warning-room_not_in_prison = La salle de visite ne correspond pas à la prison. Appelez votre coordinatrice.
warning-needs_car = En bus ou en train, il faut environ { $minutes } minutes par trajet. Une voiture est mieux.

# Fiche de la prison
example-content = Contenu d'exemple : ce ne sont pas les vraies règles de cette prison. Vérifiez auprès de la prison avant d'y aller.
status-strike = Grève
status-lockdown = Fermée aux visites
status-from-until = Du { $from } au { $until }
status-until = Jusqu'au { $until }
status-from = À partir du { $from }
status-child-visits-kept = Les visites des enfants ont lieu quand même.
status-child-visits-cancelled = Les visites des enfants n'ont pas lieu.
sheet-entrance = Entrée des visiteurs
sheet-arrive-early = Soyez à la porte { $minutes } minutes avant la visite.
sheet-checklist = Avant d'entrer
sheet-checklist-done = Tout est prêt. Bonne visite !
sheet-check-locker = Téléphone et sacs au casier
sheet-documents-adult = Papiers pour vous
sheet-documents-child = Papiers pour l'enfant
sheet-lockers = Casiers
sheet-allowed = L'enfant peut apporter
sheet-forbidden = Interdit à l'intérieur
sheet-rooms = Salles de visite
sheet-no-rooms = Pas encore de salle de visite décrite.
sheet-last-checked = Vérifié le { $date } par { $by }
room-parloir = Parloir
room-family_room = Salle des familles
room-cabin = Cabine fermée
room-family_unit = Appartement familial
equipment-changing_mat = Table à langer
equipment-spare_nappies = Langes de réserve
equipment-toys = Jouets
equipment-toilets = Toilettes
equipment-bottle_warming = Chauffe-biberon
equipment-missing = absent

# Carnet de route
step-do-picked_up = J'ai les enfants
step-do-arrived = Nous sommes à la prison
step-do-entered = Nous sommes entrés
step-do-visit_started = La visite commence
step-do-visit_ended = La visite est finie
step-do-returned = Les enfants sont rentrés
step-do-cancelled = Annuler le trajet
step-done-picked_up = Enfants pris en charge
step-done-arrived = Arrivés à la prison
step-done-entered = Entrés
step-done-visit_started = Visite commencée
step-done-visit_ended = Visite finie
step-done-returned = Enfants rentrés
step-done-cancelled = Trajet annulé
log-held = « { $step } » : enregistré dans { $seconds } secondes.
log-undo = Annuler ce geste
log-saved = « { $step } » : enregistré sur ce téléphone.
log-steps = Étapes
log-all-done = Toutes les étapes sont faites. Merci !
log-write-report = Écrire le rapport
cancel-open = Le trajet ne peut pas avoir lieu
cancel-title = Pourquoi le trajet est-il annulé ?
cancel-strike = Grève à la prison
cancel-lockdown = Prison fermée aux visites
cancel-refused_at_door = Refusés à l'entrée
cancel-parent_transferred = Le parent a changé de prison
cancel-parent_released = Le parent est sorti de prison
cancel-child_ill = L'enfant est malade
cancel-guardian_withdrew = La famille a dit non
cancel-other = Autre raison
cancel-note = Quelques mots (obligatoire pour « Autre raison »)
cancel-pick-reason = Choisissez une raison.
cancel-say-why = Dites en quelques mots pourquoi.
cancel-confirm = Annuler le trajet
cancel-keep = Garder le trajet

# Rapport
report-title = Rapport
report-mood-before = Comment allait l'enfant avant la visite ?
report-mood-after = Comment allait l'enfant après la visite ?
report-contact = Comment étaient le parent et l'enfant ensemble ?
mood-calm = Calme
mood-happy = Content
mood-worried = Inquiet
mood-sad = Triste
mood-upset = Bouleversé
contact-warm = Chaleureux
contact-neutral = Neutre
contact-distant = Distant
contact-difficult = Difficile
report-incidents = Ce qui s'est passé (facultatif)
report-km = Kilomètres parcourus
report-km-invalid = Entrez les kilomètres en chiffres, par exemple 48.
report-text = Autres remarques (facultatif)
report-pick-all = Choisissez une réponse à chaque question.
report-submit = Enregistrer le rapport
report-saved = Rapport enregistré sur ce téléphone.

# Réglages
settings-title = Réglages
settings-language = Langue
settings-language-device = Comme ce téléphone
settings-device = Ce téléphone
settings-enrolled-as = Connecté comme { $name } à { $server }
settings-leave = Déconnecter ce téléphone
settings-leave-warning = Cela efface tous les trajets et les enfants de ce téléphone.
settings-leave-pending = { $count ->
    [one] 1 changement n'est pas encore envoyé et sera perdu.
   *[other] { $count } changements ne sont pas encore envoyés et seront perdus.
}
settings-leave-confirm = Oui, tout effacer et déconnecter
settings-leave-keep = Non, tout garder
