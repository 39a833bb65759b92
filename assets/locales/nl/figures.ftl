## Figures: the year's figures, statements, who saw what, retention
