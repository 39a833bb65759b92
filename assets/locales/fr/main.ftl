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
warning-newcomer_alone = C'est votre premier trajet avec ces enfants. Demandez à votre coordinatrice ce qu'il faut savoir sur eux.

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

## L'espace des coordinateurs
office-title = Coordination
office-menu = Menu de la coordination
office-nav-home = Vue d'ensemble
office-nav-children = Enfants
office-nav-devices = Appareils et accès
office-offline = Le serveur ne répond pas. Il faut le réseau pour ceci : réessayez une fois connecté.
office-loading = Ouverture de l'espace de coordination…
office-load-failed = L'espace de coordination n'a pas pu être chargé. Vérifiez la connexion et rechargez la page.
home-children = { $count ->
    [one] 1 enfant
   *[other] { $count } enfants
}
home-volunteers = { $count ->
    [one] 1 bénévole
   *[other] { $count } bénévoles
}
home-prisons = { $count ->
    [one] 1 prison
   *[other] { $count } prisons
}
home-trips-coming = { $count ->
    [one] 1 trajet dans les 30 prochains jours
   *[other] { $count } trajets dans les 30 prochains jours
}
home-trips-open = { $count ->
    [0] Chaque trajet a un bénévole
    [one] 1 trajet sans bénévole
   *[other] { $count } trajets sans bénévole
}
home-rights-expiring = { $count ->
    [0] Aucun droit de visite ne se termine dans les 30 jours
    [one] 1 enfant dont un droit de visite se termine bientôt
   *[other] { $count } enfants dont un droit de visite se termine bientôt
}
children-title = Enfants
children-search = Rechercher (prénom, famille, adresse)
children-count = { $count ->
    [one] 1 enfant
   *[other] { $count } enfants
}
children-none = Aucun enfant ne correspond à cette recherche.
children-col-name = Prénom
children-col-age = Âge
children-col-family = Famille
children-col-rights = Droits de visite
children-rights-look = À vérifier
children-rights-ok = En ordre
children-back = Retour aux enfants
child-born = Né(e) en { $year } · { $age } ans cette année
child-family = Famille
child-pickup = Prise en charge :
child-rights = Droits de visite
child-rights-none = Aucun droit de visite ni trajet enregistré pour cet enfant.
child-with-parent = Avec { $name }
child-rights-missing = Aucune décision n'est enregistrée pour les visites à { $name }.
child-rights-none-valid = Aucune décision n'autorise de visite aujourd'hui, et pourtant { $count ->
    [one] 1 trajet est prévu
   *[other] { $count } trajets sont prévus
}.
child-next-trips = Prochains trajets
child-no-trips = Aucun trajet prévu.
child-not-found = Cet enfant n'est pas (ou plus) dans les dossiers.
trip-no-volunteer = pas encore de bénévole
right-forbidden = Visites interdites
right-not-yet = Valable à partir du { $date }
right-expired = Terminé le { $date }
right-expiring = Se termine bientôt, le { $date }
right-valid-until = Valable jusqu'au { $date }
right-valid = Valable, sans date de fin
right-supervised = encadré
decided-by-youth_aid_service = SAJ / SPJ
decided-by-youth_court = tribunal de la jeunesse
decided-by-family_court = tribunal de la famille
decided-by-agreement = accord de toutes les parties
rhythm-week = { $count ->
    [one] une fois par semaine
   *[other] { $count } fois par semaine
}
rhythm-month = { $count ->
    [one] une fois par mois
   *[other] { $count } fois par mois
}
rhythm-quarter = { $count ->
    [one] une fois par trimestre
   *[other] { $count } fois par trimestre
}
guardian-parent = parent
guardian-grandparent = grand-parent
guardian-other_relative = membre de la famille
guardian-foster_family = famille d'accueil
guardian-institution = institution
code-new = Un nouveau code d'accès
code-role = Pour
code-role-volunteer = un bénévole
code-role-coordinator = une coordinatrice ou un coordinateur
code-volunteer = Bénévole
code-volunteer-pick = Choisissez le bénévole
code-person = Nom de la personne
code-create = Créer le code
code-error-volunteer = Choisissez le bénévole à qui ce code est destiné.
code-error-name = Donnez le nom de la personne à qui ce code est destiné.
code-created = Code pour { $name }, valable jusqu'au { $date }. Donnez-le maintenant : il ne sera plus affiché.
code-qr = Code QR à scanner avec l'appareil photo du téléphone
code-link = Lien à scanner, ou à coller dans l'écran d'inscription de l'app
devices-list = Appareils inscrits
devices-loading = Chargement des appareils…
device-col-person = Personne
device-col-name = Appareil
device-col-last = Dernière synchro
device-col-refused = Changements refusés
device-col-access = Accès
device-never = jamais
device-revoked = Retiré le { $date }
device-this-one = Cet appareil
device-revoke = Retirer l'accès
device-revoke-confirm = Retirer l'accès de « { $name } » ? Ce qu'il contient sera effacé à sa prochaine connexion.
device-revoke-yes = Oui, retirer
device-revoke-no = Annuler
not-found-title = Rien ici
not-found-text = Il n'y a rien à cette adresse. Elle a peut-être changé : repartez de l'accueil.
not-found-back = Retour à l'accueil

## Dossiers : formulaires
form-pick = — choisir —
form-required = À remplir.
form-birth-year = Entrez l'année de naissance, par exemple 2018.
form-pick-family = Choisissez la famille, ou encodez d'abord une nouvelle famille.
form-pick-parent = Choisissez le parent.
form-first-name = Prénom
form-last-name = Nom
form-last-name-hint = Vu seulement par la coordination, jamais sur les téléphones des bénévoles.
form-birth-year-label = Année de naissance
form-language = Langue
form-needs = Ce que le bénévole doit savoir
form-needs-hint = Doudou, allergie, peur des chiens… Vu par le bénévole qui vient.
form-family = Famille
form-new-family = Nouvelle famille
form-save = Enregistrer
form-cancel = Annuler
form-coordinate = Entrez un nombre comme 50.8466 (latitude) ou 4.3528 (longitude).
form-visits = Entrez un nombre de visites de 1 à 31.
form-date = Entrez une date.
form-until-before-from = La fin vient avant le début.
archived = archivé
children-new = Nouvel enfant
children-show-archived = Montrer aussi les enfants archivés
child-new-title = Nouvel enfant
child-edit-title = Corriger le dossier de l'enfant
child-edit = Corriger
child-add-right = Ajouter un droit de visite
child-archive = Archiver
child-archive-confirm = Archiver cet enfant ? Le dossier reste, caché des listes.
child-archive-yes = Oui, archiver
child-unarchive = Sortir des archives
family-new-title = Nouvelle famille
family-edit-title = Corriger la famille
family-edit = corriger
family-not-found = Cette famille n'est pas (ou plus) dans les dossiers.
family-name = Comment le bénévole s'adresse à eux
family-name-hint = « Mme Dupont », « Home Les Tilleuls »…
family-kind = Qui ils sont pour les enfants
family-phone = Téléphone
family-address = Où le bénévole prend les enfants en charge
family-address-hint = Comme le bénévole le lira : rue, numéro, commune, point de repère.
family-lat = Latitude
family-lon = Longitude
family-coordinates-hint = Coordonnées du lieu de prise en charge, prises sur une carte (par exemple 50.8466 et 4.3528 à Bruxelles).
right-new-title = Un droit de visite
right-form-parent = Avec quel parent
right-form-decision = Décision
right-form-allowed = Visites autorisées
right-form-forbidden = Visites interdites
right-form-by = Décidé par
right-form-visits = Nombre de visites
right-form-per = Par
right-form-per-week = semaine
right-form-per-month = mois
right-form-per-quarter = trimestre
right-form-from = Valable à partir du
right-form-until = Valable jusqu'au
right-form-until-hint = Laissez vide si la décision n'a pas de date de fin.
right-form-supervised = Encadré (un tiers est présent)
right-form-collective = Visite collective (plusieurs familles dans une salle)
right-form-reference = Référence de la décision
right-form-reference-hint = Numéro de dossier, date du jugement…
office-nav-volunteers = Bénévoles
volunteers-title = Bénévoles
volunteers-new = Nouveau bénévole
volunteers-search = Rechercher par nom
volunteers-show-archived = Montrer aussi les bénévoles archivés
volunteers-col-name = Nom
volunteers-col-car = Voiture
volunteers-col-languages = Langues
volunteers-col-free = Libre d'habitude
volunteer-car-yes = oui
volunteer-car-no = non
volunteer-free-ask = à demander
volunteer-newcomer-tag = nouveau
volunteer-new-title = Nouveau bénévole
volunteer-edit-title = Corriger le bénévole
volunteer-not-found = Ce bénévole n'est pas (ou plus) dans les dossiers.
volunteer-home-hint = D'où le bénévole part d'habitude, à peu près (par exemple 50.8466 et 4.3528 à Bruxelles).
volunteer-has-car = A une voiture pour les trajets
volunteer-newcomer = Nouveau dans le réseau : pas encore seul avec un enfant
volunteer-week = Libre d'habitude
volunteer-week-error = Donnez à chaque jour libre une heure de début et de fin, la fin après le début.
volunteer-from = de
volunteer-until = à
volunteer-absences = Absent (vacances, maladie)
volunteer-away-from = Absent du
volunteer-away-until = au
volunteer-add-absence = Ajouter une absence
volunteer-absence-error = Donnez à chaque absence un premier et un dernier jour, le dernier après le premier.
weekday-mon = lundi
weekday-tue = mardi
weekday-wed = mercredi
weekday-thu = jeudi
weekday-fri = vendredi
weekday-sat = samedi
weekday-sun = dimanche
office-nav-parents = Parents
parents-title = Parents
parents-new = Nouveau parent
parents-col-prison = Prison
parents-col-transfers = Transferts
parents-col-release = Date de libération (si connue)
parent-new-title = Nouveau parent
parent-edit-title = Corriger le parent
parent-not-found = Ce parent n'est pas (ou plus) dans les dossiers.
parent-release-hint = Laissez vide si elle n'est pas connue.
parent-transfer = Transferts
parent-moved-to = Transféré à
parent-moved-on = Le
parent-transfer-error = Pour un transfert, choisissez une autre prison et donnez sa date.
form-pick-prison = Choisissez la prison.
sheet-not-translated = Cette fiche n'est pas encore traduite en français : la voici en { $language }.
office-nav-prisons = Prisons
prisons-title = Prisons
prisons-back = Retour aux prisons
prisons-col-status = Situation
prisons-col-checked = Dernière vérification
prisons-col-languages = Fiche lisible en
prisons-checked-by = { $date }, par { $by }
prison-status-normal = Normale
prison-status-strike = Grève
prison-status-lockdown = Fermée aux visites
prison-not-found = Cette prison n'est pas (ou plus) dans les dossiers.
prison-checked-today = Vérifiée aujourd'hui
prison-from = Du
prison-until = Au (inclus)
prison-note = Ce qu'on sait (montré aux bénévoles)
prison-kept = Pendant la grève, les visites des enfants sont maintenues
prison-lead = Être à la porte ce nombre de minutes en avance
prison-lead-error = Entrez un nombre de minutes de 0 à 240.
prison-hours = Heures de visite (quand des visites peuvent être prévues)
prison-texts-in = La fiche en { $language }
prison-one-per-line = Un par ligne.
prison-saved = Enregistré sur cet appareil ; envoyé à la prochaine synchro.
prisons-new = Nouvelle prison
prison-new-title = Nouvelle prison
prison-identity = La prison
prison-name-hint = Comme les bénévoles la connaissent, par exemple « Prison de Haren ».
prison-town = Commune
prison-address = Adresse
prison-coordinates-hint = Coordonnées de l'entrée des visiteurs, prises sur une carte (par exemple 50.8466 et 4.3528 à Bruxelles).
room-add = Ajouter une salle de visite
room-new = Nouvelle salle de visite
room-name = Nom de la salle
room-kind = Genre de salle
room-equipment = Pour les petits enfants
room-notes = À savoir
room-notes-hint = Ce que le bénévole doit savoir de cette salle (montré sur la fiche).
room-save = Enregistrer la salle
leave-question = Ce formulaire contient des changements pas encore enregistrés. Partir sans les enregistrer ?
leave-stay = Rester sur le formulaire
leave-go = Partir sans enregistrer
import-title = Importer d'un tableur
import-intro = Copiez les lignes de votre tableur (ou ouvrez un fichier CSV et copiez son texte) et collez-les ci-dessous. Rien n'est enregistré tant qu'une ligne n'est pas correcte.
import-columns = Colonnes, dans cet ordre : { $columns }.
import-paste = Lignes à importer
import-ready = { $count ->
    [one] 1 bénévole prêt à être importé.
   *[other] { $count } bénévoles prêts à être importés.
}
import-wrong = { $count ->
    [one] 1 ligne à corriger d'abord : rien n'est enregistré tant qu'elle n'est pas correcte.
   *[other] { $count } lignes à corriger d'abord : rien n'est enregistré tant qu'elles ne sont pas correctes.
}
import-line = Ligne
import-problems = À corriger
import-do = { $count ->
    [one] Importer 1 bénévole
   *[other] Importer { $count } bénévoles
}
import-col-name = nom
import-col-phone = téléphone
import-col-lat = latitude
import-col-lon = longitude
import-col-car = voiture (oui/non)
import-col-languages = langues (fr nl en de)
import-col-newcomer = nouveau (oui/non)
import-missing = manquant
import-not-a-coordinate = pas une coordonnée (comme 50.8466)
import-not-yes-no = écrivez oui ou non
import-unknown-language = langue inconnue : utilisez fr, nl, en ou de
import-too-long = un texte est trop long
import-families-title = Importer des familles d'un tableur
import-families-hint = Une ligne par enfant. Les frères et sœurs d'une même famille (même nom et même téléphone) sont réunis ; un parent dans la même prison n'est entré qu'une fois. Les quatre dernières colonnes (la décision) peuvent rester vides : la fiche de l'enfant dira qu'elle manque.
import-families-ready = { $count ->
    [one] 1 enfant prêt à importer
   *[other] { $count } enfants prêts à importer
}, avec { $families ->
    [0] aucune nouvelle famille
    [one] 1 nouvelle famille
   *[other] { $families } nouvelles familles
} et { $parents ->
    [0] aucun nouveau parent.
    [one] 1 nouveau parent.
   *[other] { $parents } nouveaux parents.
}
import-families-do = { $count ->
    [one] Importer 1 enfant
   *[other] Importer { $count } enfants
}
import-col-family = famille (comme le bénévole l'appelle)
import-col-family-kind = qui (mère, grand-mère, famille d'accueil, institution…)
import-col-family-language = langue de la famille
import-col-address = adresse où prendre l'enfant
import-col-child-first = prénom de l'enfant
import-col-child-last = nom de l'enfant
import-col-born = année de naissance
import-col-child-language = langue de l'enfant
import-col-parent-first = prénom du parent
import-col-parent-last = nom du parent
import-col-prison = prison (nom ou commune)
import-col-visits = visites (2 / mois, 1 / semaine, interdit)
import-col-decided-by = décidé par (SAJ, SPJ, tribunal de la jeunesse, tribunal de la famille, accord)
import-col-valid-from = valable depuis (2026-09-01)
import-col-reference = référence de la décision
import-col-child = Enfant
import-col-parent = Parent
import-col-right = Décision
import-no-right = à entrer sur la fiche de l'enfant
import-unknown-kind = écrivez qui : mère, père, grand-mère, famille, famille d'accueil ou institution
import-one-language = une seule langue ici
import-not-a-year = pas une année de naissance (comme 2018)
import-unknown-prison = aucune prison de ce nom ou de cette commune dans les dossiers
import-several-prisons = plusieurs prisons correspondent : écrivez le nom complet
import-not-visits = écrivez un nombre par semaine, par mois ou par trimestre (2 / mois), ou « interdit »
import-unknown-decider = écrivez SAJ, SPJ, tribunal de la jeunesse, tribunal de la famille ou accord
import-not-a-date = pas une date (comme 2026-09-01)
import-family-differs = la même famille a une autre adresse sur une ligne plus haut
import-child-known = cet enfant est déjà dans les dossiers
import-child-twice = cet enfant est déjà sur une ligne plus haut

# Opening the store (browser)
app-opening = Ouverture des données de cet appareil…
store-not-kept = Ce navigateur ne garde pas les données de l'application : tout ce que vous faites ici sera oublié à la fermeture de l'onglet. Ouvrez l'application dans une fenêtre normale (pas privée), à son adresse https.

## Today, live
office-nav-today = Aujourd'hui
today-title = Aujourd'hui
today-summary = { $trips ->
    [0] Aucun trajet aujourd'hui.
    [one] 1 trajet aujourd'hui
   *[other] { $trips } trajets aujourd'hui
} : { $under_way } en route, { $done } terminé(s), { $cancelled } annulé(s).
today-late-count = { $count ->
    [one] 1 en retard.
   *[other] { $count } en retard.
}
today-open-count = { $count ->
    [one] 1 sans bénévole.
   *[other] { $count } sans bénévole.
}
today-live = Cet écran suit tout seul : chaque étape notée sur un téléphone s'affiche ici dans la seconde.
today-none = Aucun trajet n'est prévu aujourd'hui.
today-col-meet = Rendez-vous → retour
today-col-children = Enfants
today-col-volunteer = Bénévole
today-col-stage = Où en est-on
today-col-report = Compte rendu
today-no-volunteer = pas de bénévole
today-stage-not_started = pas commencé
today-stage-picked_up = enfants pris en charge
today-stage-at_prison = à la prison
today-stage-in_visit = en visite
today-stage-returning = sur le retour
today-stage-done = terminé
today-stage-cancelled = annulé
today-late = En retard : « { $step } » attendu vers { $time }.
today-last-news = Dernières nouvelles à { $time }.
today-no-news = Aucune nouvelle encore.
today-report = { $km } km · l'enfant après : { $mood }

## Disruptions: the trips to review
review-title-prison = { $count ->
    [one] 1 trajet à venir tombe pendant cette période
   *[other] { $count } trajets à venir tombent pendant cette période
}
review-intro-prison = Annulez-les (le bénévole et la famille l'apprennent à leur prochaine synchro, et la visite compte comme due), gardez-les, ou déplacez-les à un autre jour aux mêmes heures.
review-title-parent = { $count ->
    [one] 1 trajet à venir ne convient plus
   *[other] { $count } trajets à venir ne conviennent plus
}
review-intro-parent = Après un transfert ou une libération, ces trajets sont encore prévus vers l'ancienne prison ou après la date de sortie : annulez-les ou déplacez-les.
review-cancel-all = { $count ->
    [one] Annuler ce trajet
   *[other] Annuler les { $count } trajets
}
review-col-when = Quand
review-col-why = Raison
review-col-decide = Décider
review-cancel = Annuler
review-move-to = Déplacer au
review-move = Déplacer
review-keep = Un trajet que vous gardez reste tel quel.
