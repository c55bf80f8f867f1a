-- Step-up: when the account owner last re-entered the password in this sign-in. Changing a
-- profile's cap, deleting profiles and removing devices need it to be recent, so a kids profile
-- cannot lift its own cap with the account's token.
ALTER TABLE accounts.token_families ADD COLUMN reauthenticated_at timestamptz;
