package io.leadpipeline.service;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;

import org.hibernate.validator.constraints.CodePointLength;
import org.hibernate.validator.constraints.Length;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;

/**
 * Bean Validation's verdict on a request as the field-level problem+json every service answers with: one entry per
 * bad field, named by its JSON path ({@code utm.source}, {@code fields.notes}, {@code engagements[0].type}), in the
 * order the request type declares its fields, and never with the rejected value (it may be personal data). A
 * {@code @Valid} body of a REST method gets it through the mapper; an endpoint that must look at other things first
 * (an API key, a rate limit) validates the body itself and names the fields with {@link #fieldViolations}.
 */
public class ValidationProblems {

    /** How many bad fields the mapper names: a body with a million bad entries must not get an answer larger still. */
    static final int MAX_NAMED = 10;

    /** Closer than Quarkus' own mapper ({@code ValidationException}, whose report shows the rejected values). */
    @ServerExceptionMapper(priority = FrameworkProblems.PRIORITY)
    public Response constraintViolations(ConstraintViolationException e) {
        if (!(e instanceof ResteasyReactiveViolationException) || isReturnValueViolation(e.getConstraintViolations())) {
            throw e; // a violation inside the service or in what it answers is its own bug: a 500 with an error id
        }
        return badRequest(e.getConstraintViolations());
    }

    /** 400 naming up to {@value #MAX_NAMED} bad fields in {@code detail} and {@code errors}. */
    public static Response badRequest(Collection<? extends ConstraintViolation<?>> violations) {
        Problem problem = problem(violations);
        return Problem.response(problem.status(), problem.title(), problem.detail(), problem.errors());
    }

    /** The body of {@link #badRequest}. */
    public static Problem problem(Collection<? extends ConstraintViolation<?>> violations) {
        List<FieldViolation> all = fieldViolations(violations);
        List<FieldViolation> named = all.subList(0, Math.min(all.size(), MAX_NAMED));
        String detail = named.stream().map(v -> "'" + v.field() + "' " + v.message()).collect(Collectors.joining("; "));
        int more = all.size() - named.size();
        return Problem.of(400, Response.Status.BAD_REQUEST.getReasonPhrase(), more > 0 ? detail + "; and " + more + " more" : detail, named);
    }

    /**
     * One entry per bad field, in the order the request type declares its fields (entries of a map by key, of a list
     * by index). Where a field breaks several constraints the first thing to fix wins: the field as a whole before
     * one of its entries, a missing value before a too long one before a malformed one. A field refused as a whole
     * (a map with too many entries) has its entries not named again, nor has an entry whose key is refused.
     */
    public static List<FieldViolation> fieldViolations(Collection<? extends ConstraintViolation<?>> violations) {
        List<Named> candidates = violations.stream().map(Named::of).toList();
        Set<String> refusedKeys = new HashSet<>();
        candidates.stream().filter(c -> c.mapKeyOf() != null).forEach(c -> refusedKeys.add(c.mapKeyOf()));
        Map<String, Named> byField = new LinkedHashMap<>();
        candidates.stream()
                .filter(c -> c.mapValueOf() == null || !refusedKeys.contains(c.mapValueOf()))
                .sorted(Comparator.comparing(Named::field).thenComparingInt(Named::depth).thenComparingInt(Named::rank)
                        .thenComparing(Named::message))
                .forEach(c -> byField.putIfAbsent(c.field(), c));
        Set<String> refusedWhole = byField.values().stream().filter(Named::whole).map(Named::field).collect(Collectors.toSet());
        return byField.values().stream()
                .filter(c -> refusedWhole.stream().noneMatch(whole -> c.field().startsWith(whole + ".") || c.field().startsWith(whole + "[")))
                .sorted(Comparator.comparing(Named::position, ValidationProblems::comparePositions).thenComparing(Named::field))
                .map(c -> new FieldViolation(c.field(), c.message()))
                .toList();
    }

    private static boolean isReturnValueViolation(Set<ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * One violation as the client names it.
     *
     * @param position   per step of the name: the declaring position of a property, a list index or a map key
     * @param depth      how many steps the violation's path has: the field itself has fewer than its entries
     * @param whole      whether the constraint is on the field itself rather than inside it
     * @param mapKeyOf   for a refused map key: the map and the key; else null
     * @param mapValueOf for a refused map value: the map and the key; else null
     */
    private record Named(String field, String message, List<Object> position, int depth, int rank, boolean whole,
            String mapKeyOf, String mapValueOf) {

        static Named of(ConstraintViolation<?> violation) {
            StringBuilder field = new StringBuilder();
            List<Object> position = new ArrayList<>();
            Type type = violation.getRootBeanClass();
            int depth = 0;
            boolean whole = false;
            String mapKeyOf = null;
            String mapValueOf = null;
            for (Path.Node node : violation.getPropertyPath()) {
                switch (node.getKind()) {
                    case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                        continue;
                    }
                    case PARAMETER -> {
                        // A REST method's body: its fields are named from the body's type.
                        Object[] arguments = violation.getExecutableParameters();
                        int index = node.as(Path.ParameterNode.class).getParameterIndex();
                        type = arguments != null && index < arguments.length && arguments[index] != null ? arguments[index].getClass() : Object.class;
                        continue;
                    }
                    default -> depth++;
                }
                boolean mapKey = isMapKey(node);
                if (node.isInIterable()) {
                    String container = field.toString();
                    if (mapKey) {
                        mapKeyOf = container + "\u0000" + node.getKey();
                    } else if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                        position.add(node.getIndex());
                    } else if (node.getKey() != null) {
                        field.append('.').append(node.getKey());
                        position.add(String.valueOf(node.getKey()));
                        if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                            mapValueOf = container + "\u0000" + node.getKey();
                        }
                    }
                    type = elementType(type, mapKey);
                }
                whole = false;
                if (node.getKind() == ElementKind.PROPERTY) {
                    field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    Class<?> declaring = rawClass(type);
                    position.add(declaredPosition(declaring, node.getName()));
                    type = declaredType(declaring, node.getName());
                    whole = true;
                }
            }
            return new Named(field.toString(), violation.getMessage(), position, depth, rank(violation), whole, mapKeyOf, mapValueOf);
        }

        /** A missing value first, then a too long (or too short) one, then a malformed one. */
        private static int rank(ConstraintViolation<?> violation) {
            Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
            if (constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class) {
                return 0;
            }
            return constraint == Size.class || constraint == CodePointLength.class || constraint == Length.class ? 1 : 2;
        }

        private static boolean isMapKey(Path.Node node) {
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                return false;
            }
            Path.ContainerElementNode element = node.as(Path.ContainerElementNode.class);
            return element.getContainerClass() != null && Map.class.isAssignableFrom(element.getContainerClass())
                    && Objects.equals(element.getTypeArgumentIndex(), 0);
        }
    }

    /** Positions compare step by step (a field before its entries); a declared position before an index or key. */
    private static int comparePositions(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int order = x instanceof Integer ix && y instanceof Integer iy ? Integer.compare(ix, iy)
                    : x instanceof Integer ? -1 : y instanceof Integer ? 1 : x.toString().compareTo(y.toString());
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Where a property is declared: a record's component order, else its field order; unknown ones last. */
    private static int declaredPosition(Class<?> type, String name) {
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(name)) {
                    return i;
                }
            }
        }
        int i = 0;
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                if (field.getName().equals(name)) {
                    return i;
                }
                i++;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static Type declaredType(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return field.getGenericType();
                }
            }
        }
        return Object.class;
    }

    /** The type of a list's elements, a map's values (or keys), an array's components. */
    private static Type elementType(Type container, boolean mapKey) {
        if (container instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        if (container instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (container instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            boolean map = Map.class.isAssignableFrom(rawClass(parameterized));
            return arguments.length == 0 ? Object.class : arguments[map && !mapKey ? arguments.length - 1 : 0];
        }
        return Object.class;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return rawClass(parameterized.getRawType());
        }
        if (type instanceof WildcardType wildcard && wildcard.getUpperBounds().length > 0) {
            return rawClass(wildcard.getUpperBounds()[0]);
        }
        return Object.class;
    }
}
