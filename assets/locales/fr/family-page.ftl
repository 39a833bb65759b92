## Families' own pages, calendar and notices (written by the server only:
## these words stay out of the apps)
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
