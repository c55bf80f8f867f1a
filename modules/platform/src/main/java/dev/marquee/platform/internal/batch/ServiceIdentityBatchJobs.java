package dev.marquee.platform.internal.batch;

import com.ibm.websphere.security.auth.WSSubject;
import dev.marquee.platform.api.BatchJobs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs job operations as the batch service user of the server's user registry ({@code
 * MARQUEE_BATCH_USER}, {@code MARQUEE_BATCH_PASSWORD}; a {@code basicRegistry} in security.xml),
 * logged in through Liberty's {@code system.DEFAULT} JAAS entry. Without that user configured,
 * operations run as the caller, as plain Jakarta Batch does.
 */
@ApplicationScoped
public class ServiceIdentityBatchJobs implements BatchJobs {
  /** {@code service-user}: the registry fragment is included and jobs run as that user. */
  @Inject
  @ConfigProperty(name = "marquee.batch.identity", defaultValue = "caller")
  String identity;

  @Inject
  @ConfigProperty(name = "marquee.batch.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "marquee.batch.password")
  Optional<String> password;

  @Override
  public long start(String job, Properties parameters) {
    return as(operator -> operator.start(job, parameters));
  }

  @Override
  public long restart(long executionId, Properties parameters) {
    return as(operator -> operator.restart(executionId, parameters));
  }

  @Override
  public JobExecution execution(long executionId) {
    return as(operator -> operator.getJobExecution(executionId));
  }

  @Override
  public List<StepExecution> steps(long executionId) {
    return as(operator -> operator.getStepExecutions(executionId));
  }

  @Override
  public void stop(long executionId) {
    as(
        operator -> {
          operator.stop(executionId);
          return null;
        });
  }

  @Override
  public void abandon(long executionId) {
    as(
        operator -> {
          operator.abandon(executionId);
          return null;
        });
  }

  @Override
  public List<JobExecution> recentExecutions(String job, int count) {
    return as(
        operator -> {
          if (!operator.getJobNames().contains(job)) {
            return List.of();
          }
          List<JobExecution> executions = new ArrayList<>();
          for (JobInstance instance : operator.getJobInstances(job, 0, count)) {
            executions.addAll(operator.getJobExecutions(instance));
          }
          executions.sort(Comparator.comparing(JobExecution::getCreateTime).reversed());
          return executions.size() > count ? executions.subList(0, count) : executions;
        });
  }

  private <T> T as(Function<JobOperator, T> call) {
    JobOperator operator = BatchRuntime.getJobOperator();
    Subject service = serviceSubject();
    if (service == null) {
      return call.apply(operator);
    }
    try {
      @SuppressWarnings("unchecked")
      T result =
          (T) WSSubject.doAs(service, (PrivilegedExceptionAction<T>) () -> call.apply(operator));
      return result;
    } catch (PrivilegedActionException e) {
      throw unwrapped(e.getCause());
    } catch (RuntimeException e) {
      // WSSubject.doAs wraps what the action throws in a plain RuntimeException.
      throw e.getClass() == RuntimeException.class && e.getCause() != null
          ? unwrapped(e.getCause())
          : e;
    }
  }

  private static RuntimeException unwrapped(Throwable cause) {
    return cause instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(cause.getMessage(), cause);
  }

  /**
   * A fresh login per operation (a basic-registry check, well under a millisecond): a kept subject
   * would carry a token that expires.
   */
  private Subject serviceSubject() {
    if (!"service-user".equals(identity)) {
      return null;
    }
    if (user.filter(u -> !u.isBlank()).isEmpty() || password.filter(p -> !p.isBlank()).isEmpty()) {
      throw new IllegalStateException(
          "MARQUEE_BATCH_IDENTITY=service-user needs MARQUEE_BATCH_USER and MARQUEE_BATCH_PASSWORD");
    }
    try {
      LoginContext login =
          new LoginContext(
              "system.DEFAULT",
              (Callback[] callbacks) -> {
                for (Callback callback : callbacks) {
                  if (callback instanceof NameCallback name) {
                    name.setName(user.get());
                  } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.get().toCharArray());
                  } else {
                    throw new UnsupportedCallbackException(callback);
                  }
                }
              });
      login.login();
      return login.getSubject();
    } catch (LoginException e) {
      throw new IllegalStateException(
          "The batch service user " + user.get() + " cannot log in: " + e.getMessage(), e);
    }
  }
}
