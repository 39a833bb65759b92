## Families: the family link, its page, its calendar, notices
# Family texts never call the parent a detainee, and show no prison rule.
family-title = Prochaines visites
family-language = Langue
family-language-name = Français
family-for = Pour { $children }
family-and = { $first } et { $last }
family-visit-of = { $count ->
    [one] { $children } rend visite à { $parent }
   *[other] { $children } rendent visite à { $parent }
}
family-handover = Remettre l'enfant
family-return = Retour vers
family-volunteer = Qui vient
family-volunteer-unknown = Nous vous le dirons bientôt
family-place-unknown = la coordination vous dira où
family-to-confirm = Pas encore confirmée
family-cancelled = Annulée : { $reason }
family-moved = Déplacée : elle était prévue le { $former }
family-no-visit = Aucune visite n'est prévue pour l'instant. La coordination vous le dira.
family-call = Une question ? Appelez la coordination :
family-call-no-number = Une question ? Appelez la coordination.
family-calendar = Ajouter les visites au calendrier de mon téléphone
family-calendar-file = Télécharger les visites comme fichier de calendrier
family-calendar-cancelled = Annulée : { $summary }
family-print-hint = Pour garder une copie papier, imprimez cette page.
family-reason-strike = la prison est fermée ce jour-là (grève du personnel)
family-reason-lockdown = la prison est fermée aux visites ce jour-là
family-reason-refused_at_door = la visite n'a pas pu avoir lieu ce jour-là
family-reason-parent_transferred = le parent a changé d'endroit
family-reason-parent_released = le parent est rentré à la maison
family-reason-child_ill = l'enfant est malade
family-reason-guardian_withdrew = vous avez demandé de ne pas y aller
family-reason-other = la coordination vous expliquera pourquoi
family-cannot-come = Nous ne pouvons pas venir
family-cannot-come-why = Pourquoi ?
family-cannot-come-child_ill = L'enfant est malade
family-cannot-come-other = Une autre raison
family-cannot-come-next = Suivant
family-confirm-title = Prévenir la coordination que vous ne pouvez pas venir ?
family-confirm-text = { $children }, visite du { $date }.
family-confirm-yes = Oui, prévenir la coordination
family-confirm-no = Non, revenir
family-told = Merci. La coordination a votre message et vous appellera.
family-back = Retour aux visites
family-ended = Ce lien ne fonctionne plus.
family-too-many = Trop de liens erronés depuis ce réseau. Attendez 10 minutes et réessayez.
family-no-such-visit = Cette visite n'est plus dans votre liste.
family-link-subject = Les prochaines visites de { $children }
family-link-message = Bonjour, voici les prochaines visites de { $children }. Ouvrez ce lien sur votre téléphone : { $url } Itinérances, Croix-Rouge
family-notice-planned-subject = Nouvelle visite le { $date }
family-notice-planned-body = Bonjour, une visite est prévue pour { $children } le { $date }. Remettre l'enfant à { $time }, { $place }. Retour vers { $back }. Une question : { $phone }. Itinérances, Croix-Rouge
family-notice-moved-subject = La visite est déplacée au { $date }
family-notice-moved-body = Bonjour, la visite de { $children } prévue le { $former } est déplacée au { $date }. Remettre l'enfant à { $time }, { $place }. Retour vers { $back }. Une question : { $phone }. Itinérances, Croix-Rouge
family-notice-cancelled-subject = La visite du { $date } est annulée
family-notice-cancelled-body = Bonjour, la visite de { $children } le { $date } est annulée : { $reason }. Nous vous dirons la prochaine date. Une question : { $phone }. Itinérances, Croix-Rouge
family-notice-cannot_come-subject = { $children } ne peut pas venir le { $date }
family-notice-cannot_come-body = La famille dit ne pas pouvoir venir à la visite du { $date } : { $reason }. Appelez-la : { $phone }.
family-email = E-mail
family-email-hint = Les avis sur les visites sont envoyés ici ; laissez vide pour les prévenir par téléphone.
family-link-open = Lien famille
family-link-title = Lien famille
family-link-explain = Un lien pour que cette famille voie les prochaines visites sur son téléphone, sans compte, dans sa langue. Envoyez-le par SMS ou par e-mail, ou imprimez-le avec son code QR. Un nouveau lien remplace l'ancien.
family-link-loading = Chargement des liens…
family-link-none = Aucun lien donné pour l'instant.
family-link-col-created = Donné le
family-link-col-state = État
family-link-col-views = Ouvert
family-link-col-action = Action
family-link-views = { $count ->
    [one] une fois
   *[other] { $count } fois
}
family-link-revoke = Arrêter ce lien
family-link-replace-warning = Le lien donné avant ne fonctionnera plus quand vous en faites un nouveau.
family-link-replace = Faire un nouveau lien
family-link-create = Faire un lien
family-link-created = Le lien est prêt. Il n'est montré que maintenant : envoyez-le ou imprimez-le.
family-link-address = Lien
family-link-sms = Envoyer par SMS
family-link-email = Envoyer par e-mail
family-link-qr = Code QR du lien famille
family-link-print-hint = Pour le donner sur papier, imprimez cette page (Ctrl+P) : le message et le code QR sont imprimés.
family-link-state-active = Fonctionne
family-link-state-revoked = Arrêté
family-link-state-ended = Terminé : plus de droit de visite valable
office-nav-notices = Avis aux familles
notices-explain = Ce qui a été dit aux familles sur leurs visites et comment, et ce qu'elles vous ont dit.
notices-loading = Chargement des avis…
notices-todo = { $count ->
    [0] Rien à faire
    [one] 1 à faire
   *[other] { $count } à faire
}
notices-todo-none = Toutes les familles ont été prévenues.
notices-history = Envoyés et faits
notices-none = Rien pour l'instant.
notices-col-when = Quand
notices-col-family = Famille
notices-col-what = Quoi
notices-col-how = Comment
notices-col-status = État
notices-col-action = Action
notices-failed = Pas envoyé ({ $attempts } essais) : { $error }. Il sera réessayé.
notices-sms = SMS prêt
notices-told = Prévenue
notices-acted = Fait
notice-kind-planned = Visite prévue
notice-kind-moved = Visite déplacée
notice-kind-cancelled = Visite annulée
notice-kind-cannot_come = La famille ne peut pas venir
notice-status-queued = En attente d'envoi
notice-status-sent = Envoyé
notice-status-failed = Échec
notice-status-to_tell = À dire par téléphone ou SMS
notice-status-to_act = À traiter
notice-status-done = Fait
notice-channel-email = E-mail
notice-channel-phone = Téléphone ou SMS
notice-channel-office = De la famille
