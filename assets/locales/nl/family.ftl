## Families: their link and the notices, in the coordinators' workspace
# Family texts never call the parent a detainee, and show no prison rule.
family-email = E-mail
family-email-hint = Berichten over bezoeken worden hierheen gestuurd; laat leeg om ze telefonisch te verwittigen.
family-link-open = Gezinslink
family-link-title = Gezinslink
family-link-explain = Een link waarmee dit gezin de volgende bezoeken op de telefoon ziet, zonder account, in de eigen taal. Stuur hem per sms of e-mail, of druk hem af met de QR-code. Een nieuwe link vervangt de oude.
family-link-loading = Links laden…
family-link-none = Nog geen link gegeven.
family-link-col-created = Gegeven op
family-link-col-state = Toestand
family-link-col-views = Geopend
family-link-col-action = Actie
family-link-views = { $count ->
    [one] één keer
   *[other] { $count } keer
}
family-link-revoke = Deze link stoppen
family-link-replace-warning = De eerder gegeven link werkt niet meer zodra u een nieuwe maakt.
family-link-replace = Een nieuwe link maken
family-link-create = Een link maken
family-link-created = De link is klaar. Hij wordt alleen nu getoond: stuur of druk hem af.
family-link-address = Link
family-link-sms = Per sms sturen
family-link-email = Per e-mail sturen
family-link-qr = QR-code van de gezinslink
family-link-print-hint = Om hem op papier te geven, druk deze pagina af (Ctrl+P): het bericht en de QR-code worden afgedrukt.
family-link-state-active = Werkt
family-link-state-revoked = Gestopt
family-link-state-ended = Beëindigd: geen geldig bezoekrecht meer
office-nav-notices = Berichten aan gezinnen
notices-explain = Wat gezinnen over hun bezoeken te horen kregen en hoe, en wat zij u lieten weten.
notices-loading = Berichten laden…
notices-todo = { $count ->
    [0] Niets te doen
    [one] 1 te doen
   *[other] { $count } te doen
}
notices-todo-none = Alle gezinnen zijn verwittigd.
notices-history = Verstuurd en gedaan
notices-none = Nog niets.
notices-col-when = Wanneer
notices-col-family = Gezin
notices-col-what = Wat
notices-col-how = Hoe
notices-col-status = Toestand
notices-col-action = Actie
notices-failed = Niet verstuurd ({ $attempts } pogingen): { $error }. Het wordt opnieuw geprobeerd.
notices-sms = Sms klaar
notices-told = Verwittigd
notices-acted = Gedaan
notice-kind-planned = Bezoek gepland
notice-kind-moved = Bezoek verplaatst
notice-kind-cancelled = Bezoek afgelast
notice-kind-cannot_come = Het gezin kan niet komen
notice-status-queued = Wacht op verzending
notice-status-sent = Verstuurd
notice-status-failed = Mislukt
notice-status-to_tell = Telefonisch of per sms te melden
notice-status-to_act = Te behandelen
notice-status-done = Gedaan
notice-channel-email = E-mail
notice-channel-phone = Telefoon of sms
notice-channel-office = Van het gezin
