// Follow, like `tail -f`: while following, the view stays at the newest entry. Scrolling up away from the
// bottom pauses it, so what the user is reading does not move; reaching the bottom again, or pressing
// Follow, resumes it. While paused the panel counts the entries that arrived below.

export type FollowMode = 'following' | 'paused';

export class FollowState {
  private current: FollowMode = 'following';
  private arrived = 0;

  get mode(): FollowMode {
    return this.current;
  }

  get following(): boolean {
    return this.current === 'following';
  }

  /** Shown entries that arrived while paused. */
  get newWhilePaused(): number {
    return this.arrived;
  }

  /** After any scroll, the user's or the panel's own. Returns true when the mode changed. */
  onScrolled(atBottom: boolean): boolean {
    if (this.current === 'following' && !atBottom) {
      this.current = 'paused';
      this.arrived = 0;
      return true;
    }
    if (this.current === 'paused' && atBottom) {
      this.resume();
      return true;
    }
    return false;
  }

  onEntriesShown(count: number): void {
    if (this.current === 'paused') this.arrived += count;
  }

  resume(): void {
    this.current = 'following';
    this.arrived = 0;
  }

  pause(): void {
    if (this.current === 'paused') return;
    this.current = 'paused';
    this.arrived = 0;
  }
}
