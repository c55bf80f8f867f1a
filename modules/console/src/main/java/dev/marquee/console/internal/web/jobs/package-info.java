/** The job console's pages: jobs, a job's live rungs x chunks grid, restart, stop and abandon. */
package dev.marquee.console.internal.web.jobs;
