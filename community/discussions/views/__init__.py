"""The discussions' views, by subject: threads (lists, page, writing),
comments (reply, edit, delete, history), moderation (reports, queue).

Every refusal goes through ``policy.ensure`` (404 when one may not know the
thing exists, 403 otherwise, which sends anonymous visitors to log in); every
write is a POST in one transaction whose bad input gets a French message.
"""
