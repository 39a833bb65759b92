## Families: the family link, its page, its calendar, notices
