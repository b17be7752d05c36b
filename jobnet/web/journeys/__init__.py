"""The journey machinery shared by the citizen's and the job centre's reports: steps, the
outbox, the person's situation, receipts and their labels."""
