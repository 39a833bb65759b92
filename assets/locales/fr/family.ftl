## Families: their link and the notices, in the coordinators' workspace
# Family texts never call the parent a detainee, and show no prison rule.
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
