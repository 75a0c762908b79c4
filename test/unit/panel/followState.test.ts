import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FollowState } from '../../../client/src/panel/web/followState';

describe('follow state', () => {
  it('follows at first, pauses when scrolled up, resumes at the bottom', () => {
    const follow = new FollowState();
    assert.equal(follow.mode, 'following');
    assert.equal(follow.onScrolled(true), false);
    assert.equal(follow.onScrolled(false), true);
    assert.equal(follow.mode, 'paused');
    assert.equal(follow.onScrolled(false), false);
    assert.equal(follow.onScrolled(true), true);
    assert.equal(follow.mode, 'following');
  });

  it('counts entries that arrive while paused, and only then', () => {
    const follow = new FollowState();
    follow.onEntriesShown(5);
    assert.equal(follow.newWhilePaused, 0);
    follow.onScrolled(false);
    follow.onEntriesShown(3);
    follow.onEntriesShown(4);
    assert.equal(follow.newWhilePaused, 7);
    follow.resume();
    assert.equal(follow.newWhilePaused, 0);
  });

  it('can be paused by the Follow button', () => {
    const follow = new FollowState();
    follow.pause();
    assert.equal(follow.following, false);
    follow.onEntriesShown(2);
    follow.pause();
    assert.equal(follow.newWhilePaused, 2);
  });
});
