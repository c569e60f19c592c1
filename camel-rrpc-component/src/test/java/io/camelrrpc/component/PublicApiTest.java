package io.camelrrpc.component;

import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the public API apart from the internals. The API is the packages in {@link #API_PACKAGES} (what users, the
 * starter and the examples may use, and what the OSGi bundle exports); every other package of the component is under
 * {@value #INTERNAL} and may change in any release. No public or protected signature of a public API type may name an
 * internal type: neither its superclass and interfaces, nor its fields, constructors and methods (parameters, return
 * types, exceptions, type parameters and generic arguments).
 */
class PublicApiTest {

    private static final String BASE = "io.camelrrpc.component";
    private static final String INTERNAL = BASE + ".internal";
    private static final Set<String> API_PACKAGES = Set.of(BASE, BASE + ".credentials", BASE + ".spi");

    @Test
    void everyPackageIsPublicApiOrInternal() {
        List<String> others = CompiledClasses.names().stream()
                .map(PublicApiTest::packageOf)
                .distinct()
                .filter(name -> !API_PACKAGES.contains(name) && !isInternalPackage(name))
                .toList();
        assertThat(others).as("packages neither in the public API " + API_PACKAGES + " nor under " + INTERNAL)
                .isEmpty();
    }

    @Test
    void publicSignaturesOfTheApiNameNoInternalType() {
        List<String> leaks = CompiledClasses.names().stream()
                .filter(name -> API_PACKAGES.contains(packageOf(name)))
                .map(CompiledClasses::load)
                .filter(PublicApiTest::isVisibleOutside)
                .flatMap(type -> leaks(type).stream())
                .toList();
        assertThat(leaks).as("internal types in public signatures").isEmpty();
    }

    private static List<String> leaks(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        String name = type.getName();
        check(leaks, name + " extends", type.getGenericSuperclass());
        check(leaks, name + " implements", type.getGenericInterfaces());
        checkTypeParameters(leaks, name, type.getTypeParameters());
        Stream.of(type.getDeclaredFields()).filter(PublicApiTest::isExposed)
                .forEach(field -> check(leaks, name + "." + field.getName(), field.getGenericType()));
        Stream.of(type.getDeclaredConstructors()).filter(PublicApiTest::isExposed)
                .forEach(constructor -> checkExecutable(leaks, name + "(...)", constructor));
        Stream.of(type.getDeclaredMethods()).filter(PublicApiTest::isExposed).filter(method -> !method.isBridge())
                .forEach(method -> {
                    String where = name + "." + method.getName() + "(...)";
                    check(leaks, where + " returns", method.getGenericReturnType());
                    checkExecutable(leaks, where, method);
                });
        return leaks;
    }

    private static void checkExecutable(List<String> leaks, String where, Executable executable) {
        checkTypeParameters(leaks, where, executable.getTypeParameters());
        check(leaks, where + " takes", executable.getGenericParameterTypes());
        check(leaks, where + " throws", executable.getGenericExceptionTypes());
    }

    private static void checkTypeParameters(List<String> leaks, String where, TypeVariable<?>[] parameters) {
        for (TypeVariable<?> parameter : parameters) {
            check(leaks, where + " <" + parameter.getName() + " extends>", parameter.getBounds());
        }
    }

    private static void check(List<String> leaks, String where, Type... types) {
        List<Class<?>> named = new ArrayList<>();
        for (Type type : types) {
            collect(type, named);
        }
        named.stream().filter(PublicApiTest::isInternal).distinct()
                .forEach(internal -> leaks.add(where + " " + internal.getName()));
    }

    /** The classes a type names, generic arguments included; a type variable's bounds are checked where declared. */
    private static void collect(Type type, List<Class<?>> named) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.componentType(), named);
            } else {
                named.add(c);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), named);
            if (parameterized.getOwnerType() != null) {
                collect(parameterized.getOwnerType(), named);
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, named);
            }
        } else if (type instanceof WildcardType wildcard) {
            Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
                    .forEach(bound -> collect(bound, named));
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), named);
        }
    }

    private static boolean isInternal(Class<?> type) {
        String name = type.getPackageName();
        return (name.equals(BASE) || name.startsWith(BASE + ".")) && !API_PACKAGES.contains(name);
    }

    private static boolean isInternalPackage(String name) {
        return name.equals(INTERNAL) || name.startsWith(INTERNAL + ".");
    }

    /** Public, and so is every class it is nested in. */
    private static boolean isVisibleOutside(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isExposed(Member member) {
        int modifiers = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }
}
