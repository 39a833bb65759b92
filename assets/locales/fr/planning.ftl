## Planning: calendar, trips, the month plan, assigning, disruptions, today live
