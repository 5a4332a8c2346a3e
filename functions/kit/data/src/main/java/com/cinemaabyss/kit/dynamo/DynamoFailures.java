package com.cinemaabyss.kit.dynamo;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.UnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns DynamoDB failures into the kit's: DynamoDB unreachable, slow, throttling or failing (5xx) becomes
 * {@link UnavailableException} (503, the caller may retry); a value DynamoDB refuses for its limits becomes
 * {@link InvalidInputException} (400). Requests are checked against those limits before they leave
 * ({@link DynamoLimits}). Everything else (a failed condition, a missing table) stays as the SDK threw it.
 * <p>
 * This wraps the client rather than being an SDK {@code ExecutionInterceptor}: the SDK refuses an interceptor that
 * changes an exception's type. The client interface's default methods (request-builder overloads, paginators) run
 * on the wrapper, so their calls come back through it; the rest go to the SDK's client.
 */
final class DynamoFailures implements InvocationHandler {

    /** DynamoDB's ValidationException messages for values over its limits, as opposed to malformed requests (our bugs). */
    private static final Pattern LIMIT = Pattern.compile("(?i)exceeded|must be under|overflow|underflow|significant digits");

    private final DynamoDbClient client;

    private DynamoFailures(DynamoDbClient client) {
        this.client = client;
    }

    static DynamoDbClient wrap(DynamoDbClient client) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, new DynamoFailures(client));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.isDefault() && (method.getName().endsWith("Paginator") || (args != null && args.length == 1 && args[0] instanceof Consumer))) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        if (args != null && args.length == 1 && args[0] instanceof SdkRequest request) {
            DynamoLimits.check(request);
            args = new Object[] {TableSetup.withSetupTimeout(request)};
        }
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause());
        }
    }

    static Throwable translate(Throwable failure) {
        return switch (failure) {
            case ApiCallTimeoutException e -> new UnavailableException("DynamoDB did not answer in time", e);
            case ApiCallAttemptTimeoutException e -> new UnavailableException("DynamoDB did not answer in time", e);
            case ProvisionedThroughputExceededException e -> new UnavailableException("DynamoDB is throttling requests", e);
            case RequestLimitExceededException e -> new UnavailableException("DynamoDB is throttling requests", e);
            case AwsServiceException e when e.isThrottlingException() -> new UnavailableException("DynamoDB is throttling requests", e);
            case AwsServiceException e when e.statusCode() >= 500 -> new UnavailableException("DynamoDB is failing", e);
            case AwsServiceException e when isOverLimit(e) ->
                    new InvalidInputException("a value is beyond what can be stored: " + e.awsErrorDetails().errorMessage());
            case SdkClientException e when causedByIo(e) -> new UnavailableException("DynamoDB is unreachable", e);
            default -> failure;
        };
    }

    private static boolean isOverLimit(AwsServiceException e) {
        return e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())
                && e.awsErrorDetails().errorMessage() != null && LIMIT.matcher(e.awsErrorDetails().errorMessage()).find();
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
